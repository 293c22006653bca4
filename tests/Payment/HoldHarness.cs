using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Payments;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Tests.SlotPools;

namespace OrleansBooking.Tests.Payment;

/// <summary>
/// Pools on the test cluster with payment at booking, over in-memory storage that a test can keep
/// across a silo restart and that reports each committed expiry, so tests wait on the expiry itself.
/// </summary>
public sealed class HoldHarness : IAsyncDisposable
{
    public const string PoolId = "li-2026-12-07-am";

    /// <summary>The test pools' fee (50 yuan) in fen.</summary>
    public const long FeeFen = 5000;

    private HoldHarness(GrainHost host, ExpiryWatch storage)
    {
        Host = host;
        Storage = storage;
    }

    public GrainHost Host { get; }

    public ExpiryWatch Storage { get; }

    public FakeTimeProvider Clock => Host.Clock;

    public ISlotPoolGrain Pool => Host.Pools.GetSlotPool(PoolId);

    /// <summary>A silo with <paramref name="rules"/> (default: payment at booking, 15-minute holds) on <paramref name="storage"/> (default: new).</summary>
    public static async Task<HoldHarness> StartAsync(PaymentRules? rules = null, ExpiryWatch? storage = null, FakeTimeProvider? clock = null)
    {
        storage ??= new ExpiryWatch(new InMemoryChangeStorage<SlotPoolState, SlotPoolChange>(SlotPoolState.Empty));
        var host = await GrainHost.StartAsync(clock ?? new FakeTimeProvider(PoolHarness.ReleaseAt), services =>
        {
            services.AddSingleton<IChangeStorage<SlotPoolState, SlotPoolChange>>(storage);
            services.AddSingleton(Options.Create(rules ?? new PaymentRules { Mode = PaymentRules.AtBooking }));
        });
        return new HoldHarness(host, storage);
    }

    public async Task<ISlotPoolGrain> CreatePoolAsync(int quota = 30, string? departmentId = null, decimal fee = 50m)
    {
        Assert.IsType<CreatePoolOutcome.Created>(await Pool.CreateAsync(PoolHarness.Morning(PoolId, quota) with { DepartmentId = departmentId, Fee = fee }));
        return Pool;
    }

    public async Task<Reservation> HoldAsync(string patientId)
    {
        var outcome = Assert.IsType<ReserveOutcome.Reserved>(await Pool.ReserveAsync(new ReserveRequest(patientId, $"key-{patientId}")));
        return outcome.Reservation;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>Pool storage that completes <see cref="Expired"/> tasks as expiries commit, and counts them.</summary>
public sealed class ExpiryWatch(InMemoryChangeStorage<SlotPoolState, SlotPoolChange> inner) : IChangeStorage<SlotPoolState, SlotPoolChange>
{
    private readonly object gate = new();
    private readonly Dictionary<string, TaskCompletionSource> expired = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> expiryWrites = new(StringComparer.Ordinal);

    public InMemoryChangeStorage<SlotPoolState, SlotPoolChange> Inner => inner;

    /// <summary>Completes once the expiry of <paramref name="reservationId"/> is committed.</summary>
    public Task Expired(string reservationId)
    {
        lock (gate) return Signal(reservationId).Task;
    }

    /// <summary>How many committed writes expired <paramref name="reservationId"/> (exactly once means 1).</summary>
    public int ExpiryWrites(string reservationId)
    {
        lock (gate) return expiryWrites.GetValueOrDefault(reservationId);
    }

    public Task<StoredState<SlotPoolState>?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task WriteAsync(string key, long expectedVersion, IReadOnlyList<SlotPoolChange> changes, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(key, expectedVersion, changes, cancellationToken);
        lock (gate)
        {
            foreach (var change in changes.OfType<ReservationCancelled>().Where(c => c.Reason == CancellationReason.PaymentExpired))
            {
                expiryWrites[change.ReservationId] = expiryWrites.GetValueOrDefault(change.ReservationId) + 1;
                Signal(change.ReservationId).TrySetResult();
            }
        }
    }

    private TaskCompletionSource Signal(string reservationId)
    {
        if (!expired.TryGetValue(reservationId, out var signal))
            expired[reservationId] = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return signal;
    }
}
