using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Cli;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>The end of every summary: one line per target, met or not, with what was measured.</summary>
public class VerdictTests
{
    private static readonly SessionSummary Clean = new(TimeSpan.FromSeconds(10), 0, null);
    private static readonly VerificationReport Verified = new(4, 10, 10, []);

    /// <summary>
    /// 100 reservations: 10 meant to start at the release answered after 2,361 ms, 90 meant for
    /// t = 10 s answered after 1.5 ms; <paramref name="errors"/> of the late ones answered 503.
    /// </summary>
    private static RunMeasurements Rush(int errors = 0)
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var m = new RunMeasurements(clock, clock.GetTimestamp());
        long release = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(2_361));
        for (int i = 0; i < 10; i++) m.Record(RequestKind.Reserve, new RequestOutcome(201, ""), release);
        clock.SetUtcNow(TestClocks.DefaultStart + TimeSpan.FromSeconds(10));
        long later = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMicroseconds(1_500));
        for (int i = 0; i < 90; i++)
            m.Record(RequestKind.Reserve, i < errors ? new RequestOutcome(503, "overloaded") : new RequestOutcome(409, "sold_out"), later);
        return m;
    }

    private static string[] Lines(Verdict v) => v.Lines.Select(l => l.ToString()).ToArray();

    [Fact]
    public void EveryConfiguredTargetGetsALineWithItsMeasuredValueMetOrNot()
    {
        var thresholds = new Thresholds(MaxP99Ms: 50, MaxErrorRate: 0.001, MaxFirstSecondsP99Ms: 3_000);

        var verdict = Verdict.Of(thresholds, Rush(), RequestKind.Reserve, Clean, Verified);

        Assert.Equal(
        [
            "p99 ≤ 50 ms (--max-p99-ms): FAIL — 2,361 ms",
            "first 5 s p99 ≤ 3,000 ms (--max-first-5s-p99-ms): PASS — 2,361 ms",
            "error rate ≤ 0.1 % (--max-error-rate): PASS — 0.00 %",
            "invariants: PASS — 0 violations",
            "generator kept up: PASS — 0 late, 0 dropped",
        ], Lines(verdict));
        Assert.Equal(ExitCodes.ThresholdBreached, ExitCodes.For(verdict));
    }

    [Fact]
    public void FiguresWithoutALimitAreReportedAndDoNotFailTheRun()
    {
        var verdict = Verdict.Of(new Thresholds(), Rush(errors: 3), RequestKind.Reserve, Clean, Verified);

        Assert.Equal(
        [
            "p99: 2,361 ms (reported)",
            "first 5 s p99: 2,361 ms (reported)",
            "error rate: 3.00 % (reported)",
            "invariants: PASS — 0 violations",
            "generator kept up: PASS — 0 late, 0 dropped",
        ], Lines(verdict));
        Assert.Equal(ExitCodes.Passed, ExitCodes.For(verdict));
    }

    [Fact]
    public void AnErrorRateOverItsLimitFails()
    {
        var verdict = Verdict.Of(new Thresholds(MaxErrorRate: 0.01), Rush(errors: 3), RequestKind.Reserve, Clean, Verified);

        Assert.Contains("error rate ≤ 1 % (--max-error-rate): FAIL — 3.00 %", Lines(verdict));
        Assert.Equal(ExitCodes.ThresholdBreached, ExitCodes.For(verdict));
    }

    [Fact]
    public void AFirstSecondsLimitWithNoRequestsInTheWindowFails()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var m = new RunMeasurements(clock, clock.GetTimestamp());

        var verdict = Verdict.Of(new Thresholds(MaxFirstSecondsP99Ms: 50), m, RequestKind.Reserve, Clean, Verified);

        Assert.Contains("first 5 s p99 ≤ 50 ms (--max-first-5s-p99-ms): FAIL — no requests", Lines(verdict));
        Assert.Equal(ExitCodes.ThresholdBreached, ExitCodes.For(verdict));
    }

    [Fact]
    public void AViolatedInvariantFailsWithItsOwnExitCodeEvenWhenAThresholdIsBreachedToo()
    {
        var broken = Verified with { Violations = [new Violation(ViolationKind.PoolOverQuota, "pool-1", "11 booked of 10")] };

        var verdict = Verdict.Of(new Thresholds(MaxP99Ms: 50), Rush(), RequestKind.Reserve, Clean, broken);

        Assert.Contains("invariants: FAIL — 1 violation", Lines(verdict));
        Assert.Equal(ExitCodes.InvariantViolated, ExitCodes.For(verdict));
    }

    [Fact]
    public void AGeneratorThatFellBehindIsReportedAsFailedWithoutFailingTheRun()
    {
        var m = Rush();
        m.Arrivals.OnDispatched(TimeSpan.FromMilliseconds(40), late: true);
        m.Arrivals.OnDropped();
        m.Arrivals.OnDropped();

        var verdict = Verdict.Of(new Thresholds(), m, RequestKind.Reserve, Clean, Verified);

        Assert.Contains("generator kept up: FAIL — 1 late, 2 dropped (does not change the exit code)", Lines(verdict));
        Assert.Equal(ExitCodes.Passed, ExitCodes.For(verdict));
    }

    [Fact]
    public void AGeneratorFaultOutranksEveryOtherFinding()
    {
        var faulted = Clean with { Fault = "System.NullReferenceException: oops\n   at Somewhere()" };
        var broken = Verified with { Violations = [new Violation(ViolationKind.PoolOverQuota, "pool-1", "11 booked of 10")] };

        var verdict = Verdict.Of(new Thresholds(MaxP99Ms: 50), Rush(), RequestKind.Reserve, faulted, broken);

        Assert.Equal("generator ran without a fault: FAIL — System.NullReferenceException: oops", Lines(verdict)[^1]);
        Assert.Equal(ExitCodes.GeneratorFault, ExitCodes.For(verdict));
    }

    [Fact]
    public void ALegWithNothingToVerifyHasNoInvariantsLine()
    {
        var verdict = Verdict.Of(new Thresholds(), Rush(), RequestKind.Reserve, Clean, verification: null);

        Assert.DoesNotContain(verdict.Lines, l => l.Target == "invariants");
        Assert.True(verdict.InvariantsHold);
    }

    [Fact]
    public void TheMarkdownAndHtmlHoldTheSameLines()
    {
        var verdict = Verdict.Of(new Thresholds(MaxP99Ms: 50), Rush(), RequestKind.Reserve, Clean, Verified);

        Assert.Contains("- p99 ≤ 50 ms (--max-p99-ms): FAIL — 2,361 ms\n", verdict.ToMarkdown());
        Assert.Contains("<li class='fail'>p99 ≤ 50 ms (--max-p99-ms): FAIL — 2,361 ms</li>", verdict.ToHtml());
        Assert.EndsWith("  generator kept up: PASS — 0 late, 0 dropped\n", verdict.ToConsole());
    }

    [Fact]
    public void VisitsCancelledAtTheDrainDeadlineAreReportedWithTheirUnansweredRequestsWithoutFailingTheRun()
    {
        var m = Rush();
        m.CutOff.Add(RequestKind.Reserve);
        m.CutOff.Add(RequestKind.Cancel);

        var verdict = Verdict.Of(new Thresholds(), m, RequestKind.Reserve, Clean with { Cancelled = 2 }, Verified);

        Assert.Contains("visits cancelled at the drain deadline: 2, with 2 requests cut off in flight (outcome unknown; not errors, not acknowledged) (reported)",
            Lines(verdict));
        Assert.False(verdict.Failed);
        Assert.DoesNotContain(Lines(Verdict.Of(new Thresholds(), Rush(), RequestKind.Reserve, Clean, Verified)), l => l.Contains("drain deadline"));
    }
}
