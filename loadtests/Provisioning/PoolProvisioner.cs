using System.Globalization;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Provisioning;

/// <summary>
/// Creates the run's pools through the admin API, with the admin's token, all released at one
/// instant. Pool and doctor ids carry the run id, so runs never collide and a shared database can
/// hold many of them.
/// </summary>
public static class PoolProvisioner
{
    private static readonly string[] Sessions = ["morning", "afternoon", "evening"];
    private static readonly string[] StartTimes = ["08:00", "13:30", "18:00"];

    private const int CreateAttempts = 5;
    private const int ProgressEvery = 1_000;

    /// <summary>Fee of every created pool; what holds cost when the silo takes payment at booking (<c>rush --payment</c>).</summary>
    public const decimal Fee = 50m;

    public static async Task<IReadOnlyList<ProvisionedPool>> CreateAsync(
        BookingServiceClient client, AdminSession admin, RushScenario scenario, string runId, DateTimeOffset releaseAt, CancellationToken ct,
        TextWriter? progress = null, NewLottery? lottery = null)
    {
        var quotas = scenario.QuotaPerPool();
        // Clinic a week after the release, as hospitals release a week ahead.
        string date = releaseAt.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pools = new ProvisionedPool[quotas.Count];
        int createdSoFar = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, quotas.Count), new ParallelOptions { MaxDegreeOfParallelism = scenario.PoolsCreatedAtOnce, CancellationToken = ct },
            async (i, token) =>
            {
                var request = new NewPool(
                    PoolId: $"{runId}-pool{i:D3}",
                    DoctorId: $"{runId}-dr{i:D3}",
                    Date: date,
                    Session: Sessions[i % Sessions.Length],
                    StartTime: StartTimes[i % StartTimes.Length],
                    MinutesPerNumber: scenario.MinutesPerNumber,
                    Quota: quotas[i],
                    Fee: Fee,
                    ReleaseAt: releaseAt,
                    Lottery: lottery);
                var created = await CreateOneAsync(client, admin, request, token).ConfigureAwait(false);
                pools[i] = new ProvisionedPool(created.PoolId, request.DoctorId, date, created.Quota);
                // A line per 1,000 pools: a provincial platform's 10,000 take minutes, and silence looks like a hang.
                int done = Interlocked.Increment(ref createdSoFar);
                if (done % ProgressEvery == 0 && done < quotas.Count) progress?.WriteLine($"  created {done:N0} of {quotas.Count:N0} pools");
            }).ConfigureAwait(false);
        return pools;
    }

    /// <summary>
    /// Creates one pool, retrying 503s and timeouts as the contract allows. A retry answered with
    /// <c>pool_exists</c> means an earlier attempt did succeed; the pool is then read back.
    /// </summary>
    private static async Task<PoolSnapshot> CreateOneAsync(BookingServiceClient client, AdminSession admin, NewPool request, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            var call = await admin.CallAsync(token => client.CreatePoolAsync(request, token, ct), $"Creating pool {request.PoolId}", ct)
                .ConfigureAwait(false);
            if (call.Outcome.IsSuccess && call.Body is { } snapshot) return snapshot;
            if (attempt > 1 && call.Outcome.Code == ProblemCodes.PoolExists
                && (await client.GetPoolAsync(request.PoolId!, ct).ConfigureAwait(false)).Body is { } existing)
                return existing;
            if (!call.Outcome.IsTransient || attempt == CreateAttempts)
                throw new ProvisioningException($"Creating pool {request.PoolId} failed: {call.Outcome} (attempt {attempt}).");
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct).ConfigureAwait(false);
        }
    }
}

/// <summary>The service refused to set up the run; nothing was measured.</summary>
public sealed class ProvisioningException(string message) : Exception(message);
