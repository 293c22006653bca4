namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to the hospital withdrawing a no-show it recorded wrongly.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.WithdrawNoShowOutcome")]
public abstract record WithdrawNoShowOutcome
{
    /// <summary>The reservation is no longer a no-show: it ended as cancelled by the hospital (reason admin_action).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.WithdrawNoShowOutcome.Withdrawn")]
    public sealed record Withdrawn(Reservation Reservation) : WithdrawNoShowOutcome;

    /// <summary>The reservation is not a no-show; nothing changed.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.WithdrawNoShowOutcome.NotANoShow")]
    public sealed record NotANoShow(ReservationStatus Status) : WithdrawNoShowOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.WithdrawNoShowOutcome.ReservationNotFound")]
    public sealed record ReservationNotFound : WithdrawNoShowOutcome;
}
