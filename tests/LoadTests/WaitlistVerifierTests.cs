using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Waitlist;

namespace OrleansBooking.Tests.LoadTests;

public class WaitlistVerifierTests
{
    private const string Pool = "pool-1";
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static PoolSnapshot Snapshot(int quota) => new(Pool, "dr-1", "2026-12-09", "morning", quota, quota, 0, T0, "open");

    private static Reservation Held(string patient, int number, double createdSeconds, double? cancelledSeconds = null) =>
        new($"r-{patient}", Pool, patient, number, cancelledSeconds is null ? Reservation.Booked : Reservation.Cancelled)
        {
            CreatedAt = T0.AddSeconds(createdSeconds),
            CancelledAt = cancelledSeconds is { } c ? T0.AddSeconds(c) : null,
        };

    private static WaitlistPlace Waiting(string patient) => new(Pool, patient, WaitlistPlace.Waiting, 1, null);

    private static WaitlistPlace Offered(string patient, int number) =>
        new(Pool, patient, WaitlistPlace.Offered, null, new WaitlistOffer(number, T0.AddMinutes(5)));

    /// <summary>
    /// Quota 2. ann and bob booked; ann cancelled at 10 s; number 1 was offered to dan, who took it
    /// at 15 s; bob cancelled at 20 s and number 2 is on offer to eve; fay waits behind her.
    /// </summary>
    private static (List<Reservation> Stored, List<OfferSeen> Offers, List<FinalPlace> Places) HealthyRun()
    {
        var stored = new List<Reservation> { Held("ann", 1, 0, 10), Held("bob", 2, 0, 20), Held("dan", 1, 15) };
        var offers = new List<OfferSeen>
        {
            new(Pool, "dan", 1, T0.AddSeconds(11), T0.AddSeconds(15), OfferAnswer.Accepted) { ReservationId = "r-dan", ReservedNumber = 1 },
            new(Pool, "eve", 2, T0.AddSeconds(21), T0.AddMinutes(5), OfferAnswer.LetLapse),
        };
        var places = new List<FinalPlace> { new(Pool, "dan", null), new(Pool, "eve", Offered("eve", 2)), new(Pool, "fay", Waiting("fay")) };
        return (stored, offers, places);
    }

    /// <summary>An accept pressed at 25 s for an offer seen at 21 s and cut off: recorded as the visit does, pending until the offer's own end.</summary>
    private static OfferSeen UnknownAccept(string patient, int number) =>
        new(Pool, patient, number, T0.AddSeconds(21), T0.AddMinutes(5), OfferAnswer.Unknown);

    private static IReadOnlyList<Violation> Verify(List<Reservation> stored, List<OfferSeen> offers, List<FinalPlace> places, int quota = 2) =>
        WaitlistVerifier.Verify([new PoolReadback(Pool, Snapshot(quota), stored)], offers, places);

    [Fact]
    public void AConsistentRunPasses()
    {
        var (stored, offers, places) = HealthyRun();

        var violations = Verify(stored, offers, places);

        ViolationAssert.None(violations);
    }

    [Fact]
    public void ANumberSoldToTheCrowdWhileOnOfferIsCaught()
    {
        var (stored, offers, places) = HealthyRun();
        // gus booked number 2 at 30 s, while it was on offer to eve; he gave it back at 40 s, so the end state looks fine.
        stored.Add(Held("gus", 2, 30, 40));

        ViolationAssert.Only(ViolationKind.OfferedNumberSold, Verify(stored, offers, places));
    }

    [Fact]
    public void AnOfferedNumberAlsoHeldAtTheEndIsCaught()
    {
        var (stored, offers, places) = HealthyRun();
        offers.RemoveAt(1);
        stored.Add(Held("gus", 2, 25));

        ViolationAssert.Only(ViolationKind.OfferedNumberSold, Verify(stored, offers, places, quota: 3));
    }

    [Fact]
    public void OneNumberOfferedToTwoPatientsIsCaught()
    {
        var (stored, offers, places) = HealthyRun();
        places[2] = new FinalPlace(Pool, "fay", Offered("fay", 2));

        var violations = Verify(stored, offers, places, quota: 3);

        Assert.Contains(violations, v => v.Kind == ViolationKind.OfferedNumberSold && v.Detail.Contains("to eve and to fay"));
    }

    [Fact]
    public void AnAcceptCutOffThatTookTheNumberIsNoViolation()
    {
        var (stored, offers, places) = HealthyRun();
        // eve pressed accept at 25 s and was cut off at the drain deadline; the service had given her number 2.
        offers[1] = UnknownAccept("eve", 2);
        stored.Add(Held("eve", 2, 26));
        places[1] = new FinalPlace(Pool, "eve", null);

        var violations = Verify(stored, offers, places);

        ViolationAssert.None(violations);
        Assert.Equal(new UnknownOutcomes(1, 1), WaitlistVerifier.Unknown([new PoolReadback(Pool, Snapshot(2), stored)], offers));
    }

    [Fact]
    public void AnAcceptCutOffThatDidNotTakeIsNoViolation()
    {
        var (stored, offers, places) = HealthyRun();
        // eve's accept never reached the pool: number 2 is still on offer to her.
        offers[1] = UnknownAccept("eve", 2);

        var violations = Verify(stored, offers, places);

        ViolationAssert.None(violations);
        Assert.Equal(new UnknownOutcomes(1, 0), WaitlistVerifier.Unknown([new PoolReadback(Pool, Snapshot(2), stored)], offers));
    }

    [Fact]
    public void ANumberHeldBySomeoneElseAfterAnAcceptCutOffIsStillCaught()
    {
        var (stored, offers, places) = HealthyRun();
        offers[1] = UnknownAccept("eve", 2);
        // Whether eve's accept took or not, number 2 was hers or on offer to her until it ran out; gus had it from 30 s to 40 s.
        stored.Add(Held("gus", 2, 30, 40));

        var violations = Verify(stored, offers, places);

        ViolationAssert.Only(ViolationKind.OfferedNumberSold, violations);
        Assert.Contains(violations, v => v.Detail.Contains("held by r-gus"));
    }

    [Fact]
    public void AnAcceptedOfferThatBookedAnotherNumberIsCaught()
    {
        var (stored, offers, places) = HealthyRun();
        offers[0] = offers[0] with { ReservedNumber = 2 };

        ViolationAssert.Only(ViolationKind.AcceptedNumberDiffers, Verify(stored, offers, places));
    }

    [Fact]
    public void APatientStillWaitingWhileHoldingANumberIsCaught()
    {
        var (stored, offers, places) = HealthyRun();
        places[0] = new FinalPlace(Pool, "dan", Waiting("dan"));

        var violations = Verify(stored, offers, places);

        ViolationAssert.Only(ViolationKind.WaitlistStateInconsistent, violations);
        Assert.Contains(violations, v => v.Detail.Contains("dan accepted an offer and is still waiting"));
        Assert.Contains(violations, v => v.Detail.Contains("dan holds a number"));
    }

    [Fact]
    public void AFreeNumberOfferedToNobodyWhilePatientsWaitIsCaught()
    {
        var (stored, offers, places) = HealthyRun();

        var violations = Verify(stored, offers, places, quota: 3);

        ViolationAssert.Only(ViolationKind.WaitlistStateInconsistent, violations);
        Assert.Contains(violations, v => v.Detail.Contains("1 number(s) free"));
    }

    [Fact]
    public void MoreNumbersHeldAndOfferedThanTheQuotaIsCaught()
    {
        var (stored, offers, places) = HealthyRun();

        var violations = Verify(stored, offers, places, quota: 1);

        Assert.Contains(violations, v => v.Kind == ViolationKind.PoolOverQuota && v.Detail.Contains("1 numbers held and 1 on offer, quota 1"));
    }

    [Fact]
    public void AFreedNumberGivenToTwoPatientsIsCaught()
    {
        var (stored, offers, places) = HealthyRun();
        // hal took number 1 at 12 s and gave it back at 16 s, after dan had it at 15 s.
        stored.Add(Held("hal", 1, 12, 16));

        var violations = Verify(stored, offers, places);

        Assert.Contains(violations, v => v.Kind == ViolationKind.NumberHeldTwiceAtOnce);
    }

    [Fact]
    public void AnUnreadablePlaceFailsTheRun()
    {
        var (stored, offers, places) = HealthyRun();
        places.Add(new FinalPlace(Pool, "ivy", null, Readable: false));

        ViolationAssert.Only(ViolationKind.WaitlistUnreadable, Verify(stored, offers, places));
    }
}
