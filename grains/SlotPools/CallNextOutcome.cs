namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to the doctor pressing "call next".</summary>
public abstract record CallNextOutcome
{
    /// <summary>The checked-in patient with the lowest number, now in consultation.</summary>
    public sealed record Called(Reservation Reservation) : CallNextOutcome;

    /// <summary>Nobody has checked in and is waiting.</summary>
    public sealed record NobodyWaiting : CallNextOutcome;

    public sealed record PoolNotFound : CallNextOutcome;
}
