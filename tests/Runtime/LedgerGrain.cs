using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Tests.Runtime;

/// <summary>A grain that knows nothing but the runtime: an append-only list of entries, for runtime tests.</summary>
public sealed class LedgerGrain : Grain<LedgerState, LedgerEntry>
{
    // Per activation: overlapping turns within one activation are what the runtime must prevent.
    private int turnsRunning;
    private int mostTurnsAtOnce;

    public int MostTurnsAtOnce() => Volatile.Read(ref mostTurnsAtOnce);

    protected override LedgerState CreateInitialState(string key) => new();

    public int Append(string text)
    {
        Enter();
        try
        {
            Raise(new LedgerEntry(text));
            return State.Entries.Count;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Signals <paramref name="entered"/>, holds the activation until <paramref name="gate"/> completes, then appends.</summary>
    public async ValueTask<int> AppendAfter(TaskCompletionSource entered, Task gate, string text)
    {
        entered.TrySetResult();
        await gate;
        return Append(text);
    }

    public IReadOnlyList<string> Read() => [.. State.Entries];

    /// <summary>Reads, and signals <paramref name="ran"/> the moment the turn runs (its reply may come later).</summary>
    public IReadOnlyList<string> ReadAndSignal(TaskCompletionSource ran)
    {
        ran.TrySetResult();
        return Read();
    }

    private void Enter()
    {
        var running = Interlocked.Increment(ref turnsRunning);
        int seen;
        while ((seen = Volatile.Read(ref mostTurnsAtOnce)) < running && Interlocked.CompareExchange(ref mostTurnsAtOnce, running, seen) != seen) { }
        // Give a second turn, if the runtime wrongly allowed one, the chance to overlap.
        Thread.SpinWait(50);
    }

    private void Exit() => Interlocked.Decrement(ref turnsRunning);
}

public sealed class LedgerState : IGrainState<LedgerEntry>
{
    public List<string> Entries { get; } = [];

    public void Apply(LedgerEntry change) => Entries.Add(change.Text);
}

public sealed record LedgerEntry(string Text);
