using System.Net;
using System.Text;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>
/// The end of every summary: one line per target, met or not, with the figure measured
/// (issue 11: "a report a person reads at a glance").
/// </summary>
/// <param name="GeneratorFaulted">The generator threw; nothing it measured is to be trusted.</param>
/// <param name="InvariantsHold">False when the verifier found a violation; true when it did or the leg had none to run.</param>
public sealed record Verdict(IReadOnlyList<VerdictLine> Lines, bool GeneratorFaulted, bool InvariantsHold)
{
    /// <summary>"Verdict", or e.g. "Verdict: leg actor" where one report holds several.</summary>
    public string Title { get; init; } = "Verdict";

    /// <summary>This verdict with one more line, e.g. a target only compare can judge.</summary>
    public Verdict With(VerdictLine line) => this with { Lines = [.. Lines, line] };

    /// <param name="verification">Null for a leg with nothing to verify (the HTTP ceiling).</param>
    public static Verdict Of(Thresholds thresholds, RunMeasurements m, RequestKind main, SessionSummary session, VerificationReport? verification)
    {
        var lines = new List<VerdictLine>(thresholds.Judge(m, main));
        if (verification is not null)
        {
            int n = verification.Violations.Count;
            lines.Add(VerdictLine.Judged("invariants", verification.Passed, $"{Figures.Count(n)} violation{(n == 1 ? "" : "s")}"));
        }
        lines.Add(GeneratorKeptUp(m.Arrivals));
        if (session.Cancelled > 0)
            lines.Add(VerdictLine.Reported("visits cancelled at the drain deadline",
                $"{Figures.Count(session.Cancelled)}, with {Figures.Count(m.CutOff.Total)} requests cut off in flight (outcome unknown; not errors, not acknowledged)"));
        if (session.Fault is { } fault) lines.Add(VerdictLine.Judged("generator ran without a fault", false, fault.Split('\n')[0].Trim()));
        return new Verdict(lines, session.Fault is not null, verification?.Passed ?? true);
    }

    /// <summary>
    /// Late or dropped arrivals mean the generator, not the service, set the pace: the figures then
    /// understate the service. Reported as a failure, but it is the measurement's, so it does not gate.
    /// </summary>
    public static VerdictLine GeneratorKeptUp(ArrivalCounters a) =>
        VerdictLine.Judged("generator kept up", a.Late == 0 && a.Dropped == 0,
            $"{Figures.Count(a.Late)} late, {Figures.Count(a.Dropped)} dropped", gates: false);

    /// <summary>A gating line failed: a threshold, the invariants or the generator itself.</summary>
    public bool Failed => Lines.Any(l => l.Breached);

    public string ToConsole() => new StringBuilder().AppendLine(Title).AppendJoin("", Lines.Select(l => $"  {l}\n")).ToString();

    public string ToMarkdown() => new StringBuilder().Append("## ").AppendLine(Title).AppendLine()
        .AppendJoin("", Lines.Select(l => $"- {l}\n")).AppendLine().ToString();

    public string ToHtml() => new StringBuilder().Append("<h2>").Append(Title).Append("</h2><ul class='verdict'>")
        .AppendJoin("", Lines.Select(l => $"<li class='{l.State.ToString().ToLowerInvariant()}'>{WebUtility.HtmlEncode(l.ToString())}</li>"))
        .Append("</ul>").ToString();
}
