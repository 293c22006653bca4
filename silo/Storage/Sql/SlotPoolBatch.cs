using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// One batch of changes, sorted for the database: what happens to the pools row (created, or
/// updated with the net effect of the pool-level changes) and the reservation changes in order.
/// Folding pool-level changes is safe: no constraint ties the pools row to the reservation rows.
/// </summary>
internal sealed class SlotPoolBatch
{
    private readonly List<SlotPoolChange> reservationChanges = [];
    private readonly List<OutboxMessage> outbox = [];
    private readonly List<ReservationCancelled> cancellationNotices = [];
    private readonly List<WaitlistChange> waitlistChanges = [];
    private readonly List<SlotPoolChange> lotteryChanges = [];

    private SlotPoolBatch(string poolId, PoolCreated? created)
    {
        PoolId = poolId;
        Created = created;
    }

    public string PoolId { get; }

    /// <summary>Set when the batch creates the pool: its definition carries the batch's final quota and release.</summary>
    public PoolCreated? Created { get; private set; }

    public int? Quota { get; private set; }

    public DateTimeOffset? ReleaseAt { get; private set; }

    /// <summary>Set when the batch switches the pool to a draw or away from one (the last switch wins).</summary>
    public AllocationChanged? Allocation { get; private set; }

    /// <summary>The stored status after the batch (Open for a new pool unless the batch changes it).</summary>
    public PoolStatus? Status { get; private set; }

    public IReadOnlyList<SlotPoolChange> ReservationChanges => reservationChanges;

    /// <summary>Rows for the notifications outbox (confirmations, stop-clinic notices), written in the batch's transaction.</summary>
    public IReadOnlyList<OutboxMessage> Outbox => outbox;

    /// <summary>Cancellations the patient is told of (their own or an admin's; a stop-clinic has its own notice).</summary>
    public IReadOnlyList<ReservationCancelled> CancellationNotices => cancellationNotices;

    /// <summary>Waitlist rows to change, in order (an offer's notification is in <see cref="Outbox"/>).</summary>
    public IReadOnlyList<WaitlistChange> WaitlistChanges => waitlistChanges;

    /// <summary>Entries and the draw, in order, for <c>lottery_entries</c> and the pools row.</summary>
    public IReadOnlyList<SlotPoolChange> LotteryChanges => lotteryChanges;

    public static SlotPoolBatch Sort(string poolId, long expectedVersion, IReadOnlyList<SlotPoolChange> changes)
    {
        var creates = expectedVersion == 0;
        if (creates && (changes.Count == 0 || changes[0] is not PoolCreated))
            throw new ArgumentException($"Pool '{poolId}' is not stored yet, so its first batch must start with {nameof(PoolCreated)}.", nameof(changes));

        var batch = new SlotPoolBatch(poolId, creates ? (PoolCreated)changes[0] : null);
        foreach (var change in creates ? changes.Skip(1) : changes)
        {
            switch (change)
            {
                case PoolCreated:
                    throw new ArgumentException($"Pool '{poolId}' is created twice in one batch or after it was stored.", nameof(changes));
                case ReservationMade made:
                    batch.reservationChanges.Add(change);
                    // A hold awaiting payment is told "payment due" by the payment flow, not "booked".
                    if (made.Reservation.Status == ReservationStatus.Booked) batch.outbox.Add(NotificationOutbox.Confirmation(made.Reservation));
                    break;
                case ReservationCancelled cancelled:
                    batch.reservationChanges.Add(change);
                    if (cancelled.Reason is CancellationReason.PatientRequest or CancellationReason.AdminAction) batch.cancellationNotices.Add(cancelled);
                    break;
                case ReservationStatusChanged:
                    batch.reservationChanges.Add(change);
                    break;
                case HoldPaid paid:
                    batch.reservationChanges.Add(change);
                    // Paid in time: only now is the number the patient's, so only now are they told "booked".
                    batch.outbox.Add(NotificationOutbox.Confirmation(paid.ReservationId, paid.PatientId, paid.PaidAt));
                    break;
                case ClinicStopNoticeQueued queued:
                    batch.outbox.Add(NotificationOutbox.StopClinic(queued.Notice));
                    break;
                case PaymentNoticeQueued payment:
                    batch.outbox.Add(NotificationOutbox.Payment(payment.Notice));
                    break;
                case WaitlistChange waitlist:
                    batch.waitlistChanges.Add(waitlist);
                    if (waitlist is WaitlistOfferMade offer) batch.outbox.Add(NotificationOutbox.WaitlistOffer(offer));
                    if (waitlist is WaitlistWithdrawn withdrawn) batch.outbox.Add(NotificationOutbox.WaitlistEnded(withdrawn));
                    break;
                case LotteryEntered or LotteryDrawn:
                    batch.lotteryChanges.Add(change);
                    break;
                case LotteryResultQueued result:
                    batch.outbox.Add(NotificationOutbox.LotteryResult(result.Notice));
                    break;
                case QuotaChanged quota:
                    batch.Quota = quota.Quota;
                    break;
                case ReleaseRescheduled release:
                    batch.ReleaseAt = release.ReleaseAt;
                    break;
                case PoolStatusChanged status:
                    batch.Status = status.Status;
                    break;
                case AllocationChanged allocation:
                    batch.Allocation = allocation;
                    break;
                default:
                    throw new ArgumentException($"Unknown slot pool change {change.GetType().Name}.", nameof(changes));
            }
        }

        if (batch.Created is { } created)
        {
            batch.Created = created with
            {
                Definition = created.Definition with
                {
                    PoolId = poolId,
                    Quota = batch.Quota ?? created.Definition.Quota,
                    ReleaseAt = batch.ReleaseAt ?? created.Definition.ReleaseAt,
                    LotteryWindow = batch.Allocation is { } allocation ? allocation.Window : created.Definition.LotteryWindow,
                    LotterySeed = batch.Allocation is { } switched ? switched.Seed : created.Definition.LotterySeed,
                },
            };
        }
        return batch;
    }
}
