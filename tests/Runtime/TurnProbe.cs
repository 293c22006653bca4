using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Tests.Runtime;

/// <summary>
/// Knows when the runtime has run every call posted so far: a read posted last runs after all
/// of them (FIFO) and signals when it runs, independently of when its reply is released.
/// </summary>
public static class TurnProbe
{
    /// <summary>Posts a read behind everything queued; the returned tasks are (ran, reply).</summary>
    public static (Task Ran, Task<IReadOnlyList<string>> Reply) ReadBehindQueue(GrainReference<LedgerGrain> ledger)
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reply = ledger.CallAsync(g => g.ReadAndSignal(ran));
        return (ran.Task, reply);
    }
}
