using OrleansBooking.LoadTests.Reports;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>Process exit codes, distinct so a CI script can tell a slow service from a broken one.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    /// <summary>A threshold (--max-p99-ms, --max-first-5s-p99-ms, --max-error-rate) was breached.</summary>
    public const int ThresholdBreached = 1;
    /// <summary>The verifier found a broken invariant: the service oversold, lost a reservation, …</summary>
    public const int InvariantViolated = 2;
    /// <summary>The command line was wrong.</summary>
    public const int Usage = 3;
    /// <summary>The run could not start: the silo did not come up, pools could not be created.</summary>
    public const int SetupFailed = 4;
    /// <summary>The generator itself faulted; its figures are not to be trusted.</summary>
    public const int GeneratorFault = 5;
    /// <summary>Stopped with Ctrl+C before anything was measured (a run stopped later still reports).</summary>
    public const int Cancelled = 130;

    /// <summary>The worst finding decides: a generator fault, then a violated invariant, then a breached threshold.</summary>
    public static int For(Verdict verdict) =>
        verdict.GeneratorFaulted ? GeneratorFault
        : !verdict.InvariantsHold ? InvariantViolated
        : verdict.Failed ? ThresholdBreached
        : Passed;
}
