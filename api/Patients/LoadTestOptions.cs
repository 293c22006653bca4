namespace OrleansBooking.Api.Patients;

/// <summary>
/// Load-test mode (configuration section <c>Booking:LoadTest</c>): the routes a load test needs and
/// a hospital must not have, such as bulk registration of sign-in-ready synthetic patients with one
/// known password and no SMS check.
/// </summary>
public sealed class LoadTestOptions
{
    public const string SectionName = "Booking:LoadTest";

    /// <summary>Off by default, Production included: only an operator running a load test turns it on.</summary>
    public bool Enabled { get; set; }
}
