using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// One patient's booking conduct: enforces the per-patient limits atomically with the pool's
/// decision, and no-show suspensions. Calls are serialized per patient. Never call a patient from
/// inside a pool's turn: the patient waits on pools, so the reverse would deadlock until timeout.
/// </summary>
public interface IPatientGrain
{
    string PatientId { get; }

    /// <summary>Checks suspension and limits, then asks the pool; a failure at the pool never leaves a limit place taken.</summary>
    Task<PatientReserveOutcome> ReserveAsync(string poolId, ReserveRequest request);

    /// <summary>
    /// <see cref="ReserveAsync"/> on behalf of a signed-in account: a patient the account does not
    /// manage answers PatientNotFound, exactly like a missing one.
    /// </summary>
    Task<PatientReserveOutcome> ReserveForAccountAsync(string accountId, string poolId, ReserveRequest request);

    /// <summary>Tells the patient a reservation of theirs was cancelled, so its limit place is free again at once.</summary>
    Task ReservationCancelledAsync(string reservationId);

    /// <summary>The doctor (or the end of the session plus grace) marked the patient absent for <paramref name="reservationId"/>.</summary>
    Task<NoShowOutcome> RecordNoShowAsync(string reservationId, DateTimeOffset at);

    /// <summary>An admin ends the patient's suspension now.</summary>
    Task<LiftOutcome> LiftSuspensionAsync();
}

/// <summary>Finds the patient grain for a patient id.</summary>
public interface IPatientGrainFactory
{
    IPatientGrain GetPatient(string patientId);
}
