using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// One patient's booking conduct (key: the patient id, one activation in the whole cluster):
/// enforces the per-patient limits atomically with the pool's decision, and no-show suspensions.
/// Calls are serialized per patient, except <see cref="ReservationCancelledAsync"/>.
/// </summary>
/// <remarks>
/// No deadlock by design: a patient waits on pools, and pools never wait on patients (a draw tells its
/// entrants one-way, <see cref="LotteryDrawnAsync"/>). Whoever changes
/// a reservation behind the patient's back (a cancellation, a no-show, stop-clinic) tells the
/// patient after the pool has answered; the cancellation notice interleaves, so it is taken even
/// while the patient is waiting on a pool.
/// </remarks>
public interface IPatientGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks suspension and limits, then asks the pool. A refusal gives the limit place back; a fault
    /// that leaves the outcome unknown (a timeout) keeps it counted until the pool answers again or
    /// the reservation shows in the database, so the limits hold whatever the pool did.
    /// </summary>
    Task<PatientReserveOutcome> ReserveAsync(string poolId, ReserveRequest request);

    /// <summary>
    /// <see cref="ReserveAsync"/> on behalf of a signed-in account: a patient the account does not
    /// manage answers PatientNotFound, exactly like a missing one.
    /// </summary>
    Task<PatientReserveOutcome> ReserveForAccountAsync(string accountId, string poolId, ReserveRequest request);

    /// <summary>
    /// Does nothing but activate the patient: its profile and bookings are loaded now, when the
    /// patient signs in, rather than by their first booking at the release instant. Interleaving, so
    /// it never waits behind a reservation.
    /// </summary>
    [AlwaysInterleave]
    Task PrepareAsync();

    /// <summary>Tells the patient a reservation of theirs was cancelled, so its limit place is free again at once.</summary>
    [AlwaysInterleave]
    Task ReservationCancelledAsync(string reservationId);

    /// <summary>
    /// The draw of a pool the patient entered is durable: the limit place the entry held becomes
    /// <paramref name="won"/>, or is free when null. One-way and interleaving, and synchronous inside:
    /// the pool never waits on a patient (who may be waiting on that very pool), so no call cycle
    /// can form, and it cannot split a reservation decision in flight.
    /// </summary>
    [OneWay, AlwaysInterleave]
    Task LotteryDrawnAsync(string poolId, DateOnly visitDate, string? departmentId, Reservation? won);

    /// <summary>The doctor (or the end of the session plus grace) marked the patient absent for <paramref name="reservationId"/>.</summary>
    Task<NoShowOutcome> RecordNoShowAsync(string reservationId, DateTimeOffset at);

    /// <summary>
    /// An admin withdraws the no-show of <paramref name="reservationId"/> (recorded wrongly): it stops
    /// counting, and an active suspension it counted toward ends now. Withdrawing twice is harmless.
    /// </summary>
    Task<PatientWithdrawNoShowOutcome> WithdrawNoShowAsync(string reservationId);

    /// <summary>An admin ends the patient's suspension now.</summary>
    Task<LiftOutcome> LiftSuspensionAsync();

    /// <summary>The managing account corrects the patient's name and phone (already validated).</summary>
    Task<PatientManagementOutcome> EditAsync(string accountId, string name, string phone);

    /// <summary>
    /// The managing account stops managing the patient, unless they hold a number on
    /// <paramref name="today"/> (the hospital's date) or later. Decided in the patient's turn, so
    /// no booking can land between the check and the removal.
    /// </summary>
    Task<PatientManagementOutcome> RemoveAsync(string accountId, DateOnly today);

    /// <summary>
    /// <paramref name="accountId"/> proved (with a code to the phone on file) that it may manage
    /// this person: it manages the patient from now on, bookings, no-shows and suspension included.
    /// </summary>
    Task<PatientManagementOutcome> AttachAsync(string accountId, int patientsPerAccount);
}
