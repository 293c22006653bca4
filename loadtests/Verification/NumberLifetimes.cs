using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Verification;

/// <summary>
/// A number is held from the reservation's creation until it is cancelled (or for good). Two
/// reservations of one pool whose lives overlap on one number mean it was sold twice — also
/// when one of them has since expired or been cancelled, which the end-state checks cannot see.
/// </summary>
public static class NumberLifetimes
{
    public static void Check(string poolId, IReadOnlyList<Reservation> reservations, List<Violation> violations)
    {
        foreach (var number in reservations.Where(r => r.CreatedAt is not null).GroupBy(r => r.SequenceNumber))
        {
            var lives = number.OrderBy(r => r.CreatedAt).ToList();
            for (int i = 1; i < lives.Count; i++)
            {
                var before = lives[i - 1];
                if (before.CancelledAt is not { } freed || freed > lives[i].CreatedAt)
                    violations.Add(new Violation(ViolationKind.NumberHeldTwiceAtOnce, poolId,
                        $"number {number.Key}: {lives[i].ReservationId} created {lives[i].CreatedAt:O} while {before.ReservationId} held it "
                        + $"(created {before.CreatedAt:O}, {(before.CancelledAt is { } at ? $"given back {at:O}" : "never given back")})"));
            }
        }
    }

    /// <summary>Whether <paramref name="reservation"/> held its number at some instant of [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static bool HeldDuring(Reservation reservation, DateTimeOffset from, DateTimeOffset until) =>
        reservation.CreatedAt is { } created && created < until && (reservation.CancelledAt is not { } freed || freed > from);
}
