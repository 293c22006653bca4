using OrleansBooking.LoadTests.Lottery;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.Tests.LoadTests;

public class LotteryVerifierTests
{
    private const string Pool = "pool-1";
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosesAt = T0.AddMinutes(1);
    private static readonly DateTimeOffset DrawnAt = ClosesAt.AddMilliseconds(200);
    private static readonly DateTimeOffset ReadAt = T0.AddMinutes(2);

    private static Reservation Held(string patient, int number, DateTimeOffset createdAt) =>
        new($"r-{patient}-{number}", Pool, patient, number, Reservation.Booked) { CreatedAt = createdAt };

    private static DrawEntry Entered(string patient, double seconds) =>
        new(Pool, patient, AccountDrawEntry.Entered, T0.AddSeconds(seconds), ClosesAt);

    private static OwnDrawRead Read(string patient, string status, int? number) =>
        new(Pool, patient, new AccountDrawEntry(Pool, patient, status, T0, ClosesAt, number));

    /// <summary>
    /// Quota 2, a one-minute window. ann, bob and cat entered; the draw gave cat number 1 and ann
    /// number 2, and bob none; each read that result from "my draws".
    /// </summary>
    private sealed class HealthyDraw
    {
        public DrawAudit? Audit = new(Pool, 1, T0, ClosesAt, DrawAudit.Drawn, DrawnAt, new string('a', 64), 2,
        [
            new("cat", T0.AddSeconds(7), 1, 1),
            new("ann", T0.AddSeconds(5), 2, 2),
            new("bob", T0.AddSeconds(6), 3, null),
        ]);
        public List<Reservation> Stored = [Held("cat", 1, DrawnAt), Held("ann", 2, DrawnAt)];
        public List<DrawEntry> Entries = [Entered("ann", 5), Entered("bob", 6), Entered("cat", 7)];
        public List<OwnDrawRead> Reads =
            [Read("ann", AccountDrawEntry.Won, 2), Read("bob", AccountDrawEntry.NotDrawn, null), Read("cat", AccountDrawEntry.Won, 1)];

        public DrawAudit Drawn => Audit!;

        public void ChangeEntry(string patient, Func<DrawAuditEntry, DrawAuditEntry> change) =>
            Audit = Drawn with { Entries = Drawn.Entries.Select(e => e.PatientId == patient ? change(e) : e).ToList() };

        public IReadOnlyList<Violation> Verify() =>
            LotteryVerifier.Verify([new DrawReadback(Pool, Audit)], [new PoolReadback(Pool, null, Stored)], Entries, Reads, ReadAt);
    }

    [Fact]
    public void AConsistentDrawPasses()
    {
        ViolationAssert.None(new HealthyDraw().Verify());
    }

    [Fact]
    public void AReservationMadeBeforeTheWindowClosedIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Stored.Add(Held("dan", 3, T0.AddSeconds(30)));

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.ReservedBeforeDraw, violations);
        Assert.Contains(violations, v => v.Detail.Contains("r-dan-3 of dan created at"));
    }

    [Fact]
    public void ADrawHeldBeforeTheWindowClosedIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Audit = draw.Drawn with { DrawnAt = T0.AddSeconds(50) };

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.ReservedBeforeDraw, violations);
        Assert.Contains(violations, v => v.Detail.StartsWith("drawn at"));
    }

    [Fact]
    public void ANumberWonWithAnEntryOutsideTheWindowIsCaught()
    {
        var draw = new HealthyDraw();
        draw.ChangeEntry("cat", e => e with { EnteredAt = ClosesAt.AddSeconds(1) });

        ViolationAssert.Only(ViolationKind.DrawWinnerNotEntrant, draw.Verify());
    }

    [Fact]
    public void AReservationOfTheDrawForSomeoneTheAuditGivesNothingIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Stored.Add(Held("gus", 3, DrawnAt));

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.DrawWinnerNotEntrant, violations);
        Assert.Contains(violations, v => v.Detail.Contains("r-gus-3 of gus"));
    }

    [Fact]
    public void AWinnerHoldingASecondNumberIsCaught()
    {
        var draw = new HealthyDraw();
        // ann won number 2 and also booked number 3 first come, first served after the window.
        draw.Stored.Add(Held("ann", 3, ClosesAt.AddSeconds(10)));

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.DrawWinnerNumberedTwice, violations);
        Assert.Contains(violations, v => v.Detail.Contains("ann won number 2 and holds [2, 3]"));
    }

    [Fact]
    public void OneNumberDrawnForTwoWinnersIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Audit = draw.Drawn with { Quota = 3 };
        draw.ChangeEntry("bob", e => e with { SequenceNumber = 1 });
        draw.Stored.Add(Held("bob", 1, DrawnAt));
        draw.Reads[1] = Read("bob", AccountDrawEntry.Won, 1);

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.DrawNumberReused, violations);
        Assert.Contains(violations, v => v.Detail.Contains("number 1 drawn for cat and bob"));
    }

    [Fact]
    public void MoreWinnersThanTheQuotaIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Audit = draw.Drawn with { Quota = 1 };

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.DrawOverQuota, violations);
        Assert.Contains(violations, v => v.Detail.Contains("2 winners, quota 1"));
    }

    [Fact]
    public void AnEntryAnsweredButMissingFromTheAuditIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Entries.Add(Entered("dan", 9));

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.DrawEntryMissing, violations);
        Assert.Contains(violations, v => v.Detail.StartsWith("dan was answered 202"));
    }

    [Fact]
    public void AnEntrantReadingAnotherResultThanTheAuditIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Reads[1] = Read("bob", AccountDrawEntry.Won, 3);

        var violations = draw.Verify();

        ViolationAssert.Only(ViolationKind.DrawReadDisagrees, violations);
        Assert.Contains(violations, v => v.Detail.Contains("bob read won 3 and the audit says not_drawn"));
    }

    [Fact]
    public void AnEntryMissingFromTheEntrantsOwnListIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Reads[0] = new OwnDrawRead(Pool, "ann", null);

        ViolationAssert.Only(ViolationKind.DrawReadDisagrees, draw.Verify());
    }

    [Fact]
    public void APoolThatHasNotDrawnAfterItsWindowIsCaught()
    {
        var draw = new HealthyDraw();
        draw.Audit = draw.Drawn with
        {
            Status = DrawAudit.Open, DrawnAt = null, Seed = null,
            Entries = draw.Drawn.Entries.Select(e => e with { Rank = null, SequenceNumber = null }).ToList(),
        };
        draw.Stored.Clear();

        ViolationAssert.Only(ViolationKind.DrawNotHeld, draw.Verify());
    }

    [Fact]
    public void AnUnreadableAuditFailsTheRun()
    {
        var draw = new HealthyDraw { Audit = null };

        ViolationAssert.Only(ViolationKind.DrawUnreadable, draw.Verify());
    }

    [Fact]
    public void AnUnreadableOwnListFailsTheRun()
    {
        var draw = new HealthyDraw();
        draw.Reads[2] = new OwnDrawRead(Pool, "cat", null, Readable: false);

        ViolationAssert.Only(ViolationKind.DrawUnreadable, draw.Verify());
    }
}
