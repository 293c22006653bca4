using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Conventional;

/// <summary>
/// Holds on the conventional engine: it never makes one (payment at booking needs the actor
/// engine; start-up refuses the combination), so there is nothing to pay or expire.
/// </summary>
internal sealed partial class ConventionalSlotPool
{
    public Task<PayHoldOutcome> PayHoldAsync(string reservationId, long amountFen) =>
        Task.FromResult<PayHoldOutcome>(new PayHoldOutcome.ReservationNotFound());

    public Task<IReadOnlyList<Reservation>> ExpireDueHoldsAsync() => Task.FromResult<IReadOnlyList<Reservation>>([]);
}
