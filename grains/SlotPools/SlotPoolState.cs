using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// A pool in memory: its definition, every reservation, and the indexes the grain decides with
/// (active reservation per patient, idempotency keys, free numbers). Mutable on purpose: a hot
/// pool applies thousands of changes a second; a failed write undoes them by going back to a
/// copy of the committed state.
/// </summary>
public sealed partial class SlotPoolState : ICommittableState<SlotPoolState, SlotPoolChange>
{
    private readonly Dictionary<string, Reservation> reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> activeByPatient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byIdempotencyKey = new(StringComparer.Ordinal);
    // Numbers below nextNumber that are not held: cancelled numbers go back here and are given
    // out lowest first, so a freed early number is not wasted.
    private readonly SortedSet<int> freeNumbers = [];
    // Reservations pending payment and when their holds run out: the few the expiry timer watches.
    private readonly Dictionary<string, DateTimeOffset> holds = new(StringComparer.Ordinal);
    private int nextNumber = 1;

    /// <summary>Null while the pool does not exist. Quota and release instant here are the current ones.</summary>
    public PoolDefinition? Definition { get; private set; }

    /// <summary>Stored status: Open, Closed or Cancelled.</summary>
    public PoolStatus Status { get; private set; } = PoolStatus.Open;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Reservations holding a number.</summary>
    public int Booked => activeByPatient.Count;

    public IEnumerable<Reservation> Reservations => reservations.Values;

    /// <summary>True when some reservation is pending payment.</summary>
    public bool HasHolds => holds.Count > 0;

    /// <summary>When the first hold runs out, or null when nothing is held unpaid.</summary>
    public DateTimeOffset? EarliestHoldExpiry()
    {
        DateTimeOffset? earliest = null;
        foreach (var expiresAt in holds.Values)
            if (earliest is null || expiresAt < earliest) earliest = expiresAt;
        return earliest;
    }

    /// <summary>The holds that have run out at <paramref name="now"/> (a hold is good until, not at, its expiry instant), in number order.</summary>
    public List<Reservation> HoldsExpiredAt(DateTimeOffset now) =>
        holds.Where(h => h.Value <= now).Select(h => reservations[h.Key]).OrderBy(r => r.SequenceNumber).ToList();

    public static SlotPoolState Empty() => new();

    /// <summary>Rebuilds a stored pool. Reservations may come in any order.</summary>
    public static SlotPoolState Restore(PoolDefinition definition, PoolStatus status, DateTimeOffset createdAt, IEnumerable<Reservation> stored)
    {
        var state = new SlotPoolState { Definition = definition, Status = status, CreatedAt = createdAt };
        var all = stored.ToList();
        var highest = all.Count == 0 ? 0 : all.Max(r => r.SequenceNumber);
        state.nextNumber = highest + 1;
        for (var n = 1; n <= highest; n++) state.freeNumbers.Add(n);
        foreach (var reservation in all) state.Index(reservation);
        return state;
    }

    /// <summary>The same pool rebuilt from its reservations: the indexes come out as <see cref="Apply"/> left them.</summary>
    public SlotPoolState Copy()
    {
        if (Definition is null) return Empty();
        var copy = Restore(Definition, Status, CreatedAt, reservations.Values);
        copy.RestoreWaitlist(Waitlist.Copy());
        copy.RestoreLottery(Lottery.Copy());
        return copy;
    }

    public Reservation? FindReservation(string reservationId) => reservations.GetValueOrDefault(reservationId);

    public Reservation? FindActiveReservationOf(string patientId) =>
        activeByPatient.TryGetValue(patientId, out var id) ? reservations[id] : null;

    public Reservation? FindByIdempotencyKey(string key) =>
        byIdempotencyKey.TryGetValue(key, out var id) ? reservations[id] : null;

    /// <summary>The number the next reservation gets: the lowest free one.</summary>
    public int NextFreeNumber() => freeNumbers.Count > 0 ? freeNumbers.Min : nextNumber;

    /// <summary>The highest number held; the quota may not go below it.</summary>
    public int HighestHeldNumber()
    {
        var highest = 0;
        foreach (var id in activeByPatient.Values) highest = Math.Max(highest, reservations[id].SequenceNumber);
        foreach (var offer in Waitlist.Offers) highest = Math.Max(highest, offer.SequenceNumber);
        return highest;
    }

    public void Apply(SlotPoolChange change)
    {
        switch (change)
        {
            case PoolCreated created:
                Definition = created.Definition;
                Status = PoolStatus.Open;
                CreatedAt = created.CreatedAt;
                break;
            case ReservationMade made:
                Index(made.Reservation);
                break;
            case ReservationCancelled cancelled:
                var current = reservations[cancelled.ReservationId];
                Release(current);
                holds.Remove(current.ReservationId);
                reservations[current.ReservationId] = current with
                {
                    Status = ReservationStatus.Cancelled,
                    CancelledAt = cancelled.CancelledAt,
                    CancellationReason = cancelled.Reason,
                };
                break;
            case ReservationStatusChanged moved:
                var before = reservations[moved.ReservationId];
                // A no-show gives its number back like a cancellation (HoldsNumber): the
                // reservations table's constraints say the same, so memory and rows agree.
                if (!moved.To.HoldsNumber()) Release(before);
                reservations[before.ReservationId] = before with { Status = moved.To };
                break;
            case HoldPaid paid:
                holds.Remove(paid.ReservationId);
                reservations[paid.ReservationId] = reservations[paid.ReservationId] with { Status = ReservationStatus.Booked, PaidAt = paid.PaidAt };
                break;
            case ClinicStopNoticeQueued or PaymentNoticeQueued or LotteryResultQueued:
                // Outbox only: nothing about the pool changes.
                break;
            case QuotaChanged quota:
                Definition = RequireDefinition() with { Quota = quota.Quota };
                break;
            case ReleaseRescheduled release:
                Definition = RequireDefinition() with { ReleaseAt = release.ReleaseAt };
                break;
            case PoolStatusChanged status:
                Status = status.Status;
                break;
            case WaitlistChange waitlistChange:
                ApplyWaitlist(waitlistChange);
                break;
            case LotteryEntered or LotteryDrawn or AllocationChanged:
                ApplyLottery(change);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown slot pool change.");
        }
    }

    private void Index(Reservation reservation)
    {
        reservations[reservation.ReservationId] = reservation;
        if (reservation.IdempotencyKey is { } key) byIdempotencyKey[key] = reservation.ReservationId;
        if (!reservation.Status.HoldsNumber()) return;
        if (reservation is { Status: ReservationStatus.PendingPayment, HoldExpiresAt: { } expiresAt }) holds[reservation.ReservationId] = expiresAt;
        TakeNumber(reservation.SequenceNumber);
        if (!activeByPatient.TryAdd(reservation.PatientId, reservation.ReservationId))
            throw new InvalidOperationException($"Patient {reservation.PatientId} would hold two numbers in pool {reservation.PoolId}.");
    }

    private void TakeNumber(int number)
    {
        if (number >= nextNumber)
        {
            for (var n = nextNumber; n < number; n++) freeNumbers.Add(n);
            nextNumber = number + 1;
        }
        else if (!freeNumbers.Remove(number))
        {
            throw new InvalidOperationException($"Number {number} is held twice in pool {Definition?.PoolId}.");
        }
    }

    private void Release(Reservation reservation)
    {
        if (!reservation.Status.HoldsNumber()) return;
        activeByPatient.Remove(reservation.PatientId);
        freeNumbers.Add(reservation.SequenceNumber);
    }

    private PoolDefinition RequireDefinition() =>
        Definition ?? throw new InvalidOperationException("The pool does not exist.");
}
