using System.Collections.Immutable;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// What the pool looked like at its last commit, published for reads that take no turn: the
/// snapshot (null when the pool does not exist), the patients holding a number and every
/// idempotency key used. Immutable; a commit publishes a new one.
/// </summary>
public sealed record CommittedPool(SlotPoolSnapshot? Pool, ImmutableHashSet<string> Holders, ImmutableHashSet<string> IdempotencyKeys)
{
    public static readonly CommittedPool Nothing = new(null, [], []);

    /// <summary>The view of state just loaded from storage (all of it committed).</summary>
    public static CommittedPool Of(SlotPoolState state, SlotPoolSnapshot? snapshot)
    {
        var holders = state.Reservations.Where(r => r.Status.HoldsNumber()).Select(r => r.PatientId);
        var keys = state.Reservations.Select(r => r.IdempotencyKey).OfType<string>();
        return new CommittedPool(snapshot, [.. holders], [.. keys]);
    }

    /// <summary>Folds one committed batch in. <paramref name="patientOf"/> names the patient of a reservation id.</summary>
    public CommittedPool After(IReadOnlyList<SlotPoolChange> changes, long version, Func<string, string> patientOf)
    {
        var snapshot = Pool;
        var holders = Holders.ToBuilder();
        var keys = IdempotencyKeys.ToBuilder();
        foreach (var change in changes)
        {
            snapshot = change is PoolCreated created
                ? new SlotPoolSnapshot(created.Definition, PoolStatus.Open, 0, version)
                : snapshot?.After(change);
            switch (change)
            {
                case ReservationMade made:
                    if (made.Reservation.IdempotencyKey is { } key) keys.Add(key);
                    if (made.Reservation.Status.HoldsNumber()) holders.Add(made.Reservation.PatientId);
                    break;
                case ReservationCancelled cancelled:
                    holders.Remove(patientOf(cancelled.ReservationId));
                    break;
                case ReservationStatusChanged moved when moved.From.HoldsNumber() && !moved.To.HoldsNumber():
                    holders.Remove(patientOf(moved.ReservationId));
                    break;
            }
        }
        return new CommittedPool(snapshot is null ? null : snapshot with { Version = version }, holders.ToImmutable(), keys.ToImmutable());
    }
}
