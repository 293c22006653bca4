namespace OrleansBooking.LoadTests.Reports;

/// <summary>How a target came out: met, missed, or a figure reported without a limit.</summary>
public enum VerdictState
{
    Pass,
    Fail,
    Reported,
}

/// <summary>
/// One target of a run and what was measured against it, e.g.
/// <c>p99 ≤ 50 ms (--max-p99-ms): FAIL — 2,361 ms</c> or <c>first 5 s p99: 1,940 ms (reported)</c>.
/// </summary>
/// <param name="Gates">False for a check that informs without failing the run (it says so when it fails).</param>
public sealed record VerdictLine(string Target, VerdictState State, string Measured, bool Gates = true)
{
    public static VerdictLine Judged(string target, bool met, string measured, bool gates = true) =>
        new(target, met ? VerdictState.Pass : VerdictState.Fail, measured, gates);

    public static VerdictLine Reported(string target, string measured) => new(target, VerdictState.Reported, measured);

    /// <summary>Failed, and failing makes the run fail.</summary>
    public bool Breached => State == VerdictState.Fail && Gates;

    public override string ToString() => State switch
    {
        VerdictState.Reported => $"{Target}: {Measured} (reported)",
        VerdictState.Fail when !Gates => $"{Target}: FAIL — {Measured} (does not change the exit code)",
        _ => $"{Target}: {(State == VerdictState.Pass ? "PASS" : "FAIL")} — {Measured}",
    };
}
