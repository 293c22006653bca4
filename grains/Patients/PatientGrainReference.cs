using OrleansBooking.Grains.Runtime;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>A patient served by the actor runtime: each call is one (asynchronous) turn of the patient's activation.</summary>
internal sealed class PatientGrainReference(GrainReference<PatientGrain> grain) : IPatientGrain
{
    public string PatientId => grain.Key;

    public Task<PatientReserveOutcome> ReserveAsync(string poolId, ReserveRequest request) =>
        grain.CallAsync(g => g.ReserveAsync(poolId, request));

    public Task<PatientReserveOutcome> ReserveForAccountAsync(string accountId, string poolId, ReserveRequest request) =>
        grain.CallAsync(g => g.ReserveAsync(poolId, request, accountId));

    public Task ReservationCancelledAsync(string reservationId) => grain.CallAsync(g => g.ReservationCancelled(reservationId));

    public Task<NoShowOutcome> RecordNoShowAsync(string reservationId, DateTimeOffset at) =>
        grain.CallAsync(g => g.RecordNoShowAsync(reservationId, at));

    public Task<LiftOutcome> LiftSuspensionAsync() => grain.CallAsync(g => g.LiftSuspensionAsync());
}
