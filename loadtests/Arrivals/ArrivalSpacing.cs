namespace OrleansBooking.LoadTests.Arrivals;

/// <summary>How arrivals are spaced within the rate the profile sets.</summary>
public enum ArrivalSpacing
{
    /// <summary>Evenly: arrival k is due exactly when the profile's cumulative count reaches k.</summary>
    Uniform,
    /// <summary>As independent people: exponential gaps (a non-homogeneous Poisson process).</summary>
    Poisson,
}
