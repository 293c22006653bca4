namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to the doctor pressing "call next".</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.CallNextOutcome")]
public abstract record CallNextOutcome
{
    /// <summary>The checked-in patient with the lowest number, now in consultation.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.CallNextOutcome.Called")]
    public sealed record Called(Reservation Reservation) : CallNextOutcome;

    /// <summary>Nobody has checked in and is waiting.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.CallNextOutcome.NobodyWaiting")]
    public sealed record NobodyWaiting : CallNextOutcome;

    /// <summary>Not while the session has not begun or its day is over; <paramref name="Refusal"/> says which (<see cref="DoctorsDayHours"/>).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.CallNextOutcome.OutsideHours")]
    public sealed record OutsideHours(ReservationStatusOutcome Refusal) : CallNextOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.CallNextOutcome.PoolNotFound")]
    public sealed record PoolNotFound : CallNextOutcome;
}
