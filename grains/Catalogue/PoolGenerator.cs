using System.Collections.Concurrent;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// Materialises the pools the schedules call for over the booking window. Idempotent: pool ids are
/// deterministic and a pool refuses a second creation. An existing pool is only ever given more
/// quota (when its template's quota grew); it is never lowered, recreated or otherwise changed,
/// because patients may hold numbers in it. Runs one at a time.
/// </summary>
public sealed class PoolGenerator(
    ICatalogueStore store, ISlotPoolGrainFactory pools, SchedulePlanner planner, TimeProvider clock)
{
    /// <summary>Pools created at once: enough to overlap database round trips, few enough to leave the rush its connections.</summary>
    public const int Parallelism = 8;

    private readonly SemaphoreSlim oneRunAtATime = new(1, 1);

    public async Task<GenerationReport> RunAsync(CancellationToken cancellationToken)
    {
        await oneRunAtATime.WaitAsync(cancellationToken);
        try
        {
            return await GenerateAsync(cancellationToken);
        }
        finally
        {
            oneRunAtATime.Release();
        }
    }

    private async Task<GenerationReport> GenerateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (from, to) = planner.WindowAt(now);
        var catalogue = await store.LoadAsync(cancellationToken);
        var planned = catalogue.Doctors
            .Where(catalogue.IsBookable)
            .SelectMany(d => planner.Plan(d, catalogue.DepartmentsById[d.DepartmentId], catalogue.ScheduleOf(d.DoctorId), from, to, now))
            .ToList();

        // One query tells which pools exist, so a run over an unchanged window activates no grain.
        var stored = (await store.ListPoolsAsync(null, from, to, cancellationToken)).ToDictionary(p => p.PoolId, p => p.Quota, StringComparer.Ordinal);
        var counts = new ConcurrentDictionary<Result, int>();
        await Parallel.ForEachAsync(
            planned,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (pool, _) =>
            {
                var result = stored.TryGetValue(pool.PoolId, out var quota)
                    ? quota >= pool.Quota ? Result.Unchanged : await RaiseQuotaAsync(pool)
                    : await CreateAsync(pool);
                counts.AddOrUpdate(result, 1, (_, n) => n + 1);
            });

        return new GenerationReport(from, to, planned.Count, counts.GetValueOrDefault(Result.Created),
            counts.GetValueOrDefault(Result.QuotaRaised), counts.GetValueOrDefault(Result.Unchanged));
    }

    private async Task<Result> CreateAsync(PoolDefinition pool)
    {
        var outcome = await pools.GetSlotPool(pool.PoolId).CreateAsync(pool);
        // Created meanwhile (another silo, or after the listing): treat it as any existing pool.
        return outcome is CreatePoolOutcome.PoolExists exists
            ? exists.Pool.Quota >= pool.Quota ? Result.Unchanged : await RaiseQuotaAsync(pool)
            : Result.Created;
    }

    private async Task<Result> RaiseQuotaAsync(PoolDefinition pool)
    {
        var grain = pools.GetSlotPool(pool.PoolId);
        // The listing may be stale; the grain's own snapshot decides, and only upwards.
        if (await grain.GetSnapshotAsync() is not { } current || current.Quota >= pool.Quota
            || current.StoredStatus == PoolStatus.Cancelled)
            return Result.Unchanged;
        var outcome = await grain.ChangeAsync(new PoolChangeRequest(Quota: pool.Quota));
        return outcome is ChangePoolOutcome.Changed ? Result.QuotaRaised : Result.Unchanged;
    }

    private enum Result
    {
        Created,
        QuotaRaised,
        Unchanged,
    }
}
