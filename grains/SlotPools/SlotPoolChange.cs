namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// A change to a pool, as data: applied to memory by <see cref="SlotPoolState"/>, written to the
/// database by the storage provider. Each is a fact that already passed every check.
/// </summary>
public abstract record SlotPoolChange;

public sealed record PoolCreated(PoolDefinition Definition, DateTimeOffset CreatedAt) : SlotPoolChange;

public sealed record ReservationMade(Reservation Reservation) : SlotPoolChange;

public sealed record ReservationCancelled(string ReservationId, CancellationReason Reason, DateTimeOffset CancelledAt) : SlotPoolChange;

public sealed record QuotaChanged(int Quota) : SlotPoolChange;

public sealed record ReleaseRescheduled(DateTimeOffset ReleaseAt) : SlotPoolChange;

/// <summary>Closed, reopened, or cancelled (stop-clinic). Only Open, Closed and Cancelled are stored.</summary>
public sealed record PoolStatusChanged(PoolStatus Status) : SlotPoolChange;

/// <summary>
/// A reservation moved along the doctor's day (checked in, called, completed, no-show).
/// <paramref name="From"/> is kept so storage can refuse to apply it to a row that moved elsewhere.
/// </summary>
public sealed record ReservationStatusChanged(string ReservationId, ReservationStatus From, ReservationStatus To, DateTimeOffset ChangedAt)
    : SlotPoolChange;

/// <summary>
/// A patient must be told the clinic was stopped: a row for the notifications outbox, written in
/// the same transaction as the cancellation it reports, so one never exists without the other.
/// </summary>
public sealed record ClinicStopNoticeQueued(ClinicStopNotice Notice) : SlotPoolChange;

/// <summary>A payment-due or payment-expired notice for the outbox, written in the batch that holds or expires the number.</summary>
public sealed record PaymentNoticeQueued(PaymentNotice Notice) : SlotPoolChange;

/// <summary>A hold was paid in time: pending payment → booked, with the instant of payment and whose it is (told "booked").</summary>
public sealed record HoldPaid(string ReservationId, DateTimeOffset PaidAt, string PatientId) : SlotPoolChange;
