using OrleansBooking.Grains.Runtime;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Runtime;

/// <summary>A runtime with the ledger grain registered over in-memory storage and a manual clock.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    public RuntimeHarness(Action<GrainRuntimeOptions>? configure = null)
    {
        var options = new GrainRuntimeOptions();
        configure?.Invoke(options);
        Runtime = new GrainRuntime(options, Clock);
        Runtime.Register<LedgerGrain, LedgerState, LedgerEntry>(Storage, () => new LedgerGrain());
    }

    public ManualClock Clock { get; } = new();

    public InMemoryGrainStorage<LedgerState, LedgerEntry> Storage { get; } = new(() => new LedgerState());

    public GrainRuntime Runtime { get; }

    public GrainReference<LedgerGrain> Ledger(string key = "ledger") => Runtime.GetGrain<LedgerGrain>(key);

    public ValueTask DisposeAsync()
    {
        Storage.ReleaseWrites();
        return Runtime.DisposeAsync();
    }
}
