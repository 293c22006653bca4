using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Api;

/// <summary>A pool engine whose every call faults, to see how the API answers faults it cannot decide.</summary>
internal sealed class FailingSlotPools(Exception fault) : ISlotPoolGrainFactory
{
    public ISlotPoolGrain GetSlotPool(string poolId) => new FailingPool(fault);

    private sealed class FailingPool(Exception fault) : ISlotPoolGrain
    {
        public Task<ReserveOutcome?> AnswerIfSoldOutAsync(ReserveRequest request) => Task.FromException<ReserveOutcome?>(fault);

        public Task<SoldOutView?> GetSoldOutViewAsync() => Task.FromException<SoldOutView?>(fault);

        public Task<CreatePoolOutcome> CreateAsync(PoolDefinition definition) => Task.FromException<CreatePoolOutcome>(fault);

        public Task<ReserveOutcome> ReserveAsync(ReserveRequest request) => Task.FromException<ReserveOutcome>(fault);

        public Task<CancelOutcome> CancelAsync(string reservationId, CancellationReason reason) => Task.FromException<CancelOutcome>(fault);

        public Task<ChangePoolOutcome> ChangeAsync(PoolChangeRequest change) => Task.FromException<ChangePoolOutcome>(fault);

        public Task<SlotPoolSnapshot?> GetSnapshotAsync() => Task.FromException<SlotPoolSnapshot?>(fault);

        public Task<Reservation?> GetReservationAsync(string reservationId) => Task.FromException<Reservation?>(fault);

        public Task<IReadOnlyList<Reservation>?> ListReservationsAsync() => Task.FromException<IReadOnlyList<Reservation>?>(fault);

        public Task<ReservationStatusOutcome> ChangeReservationStatusAsync(string reservationId, ReservationStatus status) =>
            Task.FromException<ReservationStatusOutcome>(fault);

        public Task<CallNextOutcome> CallNextAsync() => Task.FromException<CallNextOutcome>(fault);

        public Task<WithdrawNoShowOutcome> WithdrawNoShowAsync(string reservationId) => Task.FromException<WithdrawNoShowOutcome>(fault);

        public Task<StopClinicOutcome> StopClinicAsync(string reason) => Task.FromException<StopClinicOutcome>(fault);

        public Task<NoShowSweepOutcome> SweepNoShowsAsync(TimeSpan grace) => Task.FromException<NoShowSweepOutcome>(fault);

        public Task<PayHoldOutcome> PayHoldAsync(string reservationId, long amountFen) => Task.FromException<PayHoldOutcome>(fault);

        public Task<IReadOnlyList<Reservation>> ExpireDueHoldsAsync() => Task.FromException<IReadOnlyList<Reservation>>(fault);
    }
}
