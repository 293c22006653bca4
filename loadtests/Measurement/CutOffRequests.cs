namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// Requests sent but never answered because their visit was cancelled (at the drain deadline, or
/// when the run was stopped), by kind. The service may or may not have acted on them: they are
/// neither errors nor, for a reservation, an acknowledged booking, so they are counted here rather
/// than in the outcomes, the latency or the ledger.
/// </summary>
public sealed class CutOffRequests
{
    private readonly long[] _byKind = new long[Enum.GetValues<RequestKind>().Length];

    public void Add(RequestKind kind) => Interlocked.Increment(ref _byKind[(int)kind]);

    public long Count(RequestKind kind) => Volatile.Read(ref _byKind[(int)kind]);

    public long Total => Enum.GetValues<RequestKind>().Sum(Count);
}
