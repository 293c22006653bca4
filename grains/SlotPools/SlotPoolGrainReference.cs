using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>A slot pool served by the actor runtime: each call is one turn of the pool's activation.</summary>
internal sealed class SlotPoolGrainReference(GrainReference<SlotPoolGrain> grain) : ISlotPoolGrain
{
    public string PoolId => grain.Key;

    public Task<CreatePoolOutcome> CreateAsync(PoolDefinition definition) => grain.CallAsync(g => g.Create(definition));

    // Always a turn: callers that can take an answer without one ask AnswerWithoutDeciding first
    // (the reservation route does, before the patient grain), so it is not asked twice.
    public Task<ReserveOutcome> ReserveAsync(ReserveRequest request) => grain.CallAsync(g => g.Reserve(request));

    // Only while the activation is settled: an idempotency key or patient decided but not yet
    // committed would otherwise be missing from the committed view and get a wrong "sold out".
    public ReserveOutcome? AnswerWithoutDeciding(ReserveRequest request) => grain.PeekSettled(g => g.AnswerWithoutTurn(request));

    public Task<CancelOutcome> CancelAsync(string reservationId, CancellationReason reason) =>
        grain.CallAsync(g => g.Cancel(reservationId, reason));

    public Task<ChangePoolOutcome> ChangeAsync(PoolChangeRequest change) => grain.CallAsync(g => g.Change(change));

    public Task<SlotPoolSnapshot?> GetSnapshotAsync()
    {
        // The browse flood before a release reads the committed snapshot without queueing
        // behind reservations; only a pool not yet in memory takes a turn (to load it).
        var committed = grain.PeekCommitted(g => g.Committed);
        return committed is not null ? Task.FromResult(committed.Pool) : grain.CallAsync(g => g.Committed?.Pool);
    }

    public Task<Reservation?> GetReservationAsync(string reservationId) => grain.CallAsync(g => g.FindReservation(reservationId));

    public Task<IReadOnlyList<Reservation>?> ListReservationsAsync() => grain.CallAsync(g => g.ListReservations());

    public Task<ReservationStatusOutcome> ChangeReservationStatusAsync(string reservationId, ReservationStatus status) =>
        grain.CallAsync(g => g.ChangeReservationStatus(reservationId, status));

    public Task<CallNextOutcome> CallNextAsync() => grain.CallAsync(g => g.CallNext());

    public Task<StopClinicOutcome> StopClinicAsync(string reason) => grain.CallAsync(g => g.StopClinic(reason));

    public Task<NoShowSweepOutcome> SweepNoShowsAsync(TimeSpan grace) => grain.CallAsync(g => g.SweepNoShows(grace));
}
