using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.Tests.Cluster;

/// <summary>One reservation attempt of a rush: who, where, through which silo, with which key, and what came back.</summary>
public sealed record RushAttempt(
    int Patient, string PatientId, string PoolId, string Key, int Silo, RequestOutcome Outcome, Reservation? Reservation, TimeSpan At,
    TimeSpan? RetryAfter = null);

/// <summary>
/// A small release rush spread over the silos of a <see cref="SiloCluster"/>, through the same
/// HTTP client, provisioning and sign-in code as the load-test suite: pools already released, a
/// crowd of signed-in patients, each trying a few pools, every attempt with its own Idempotency-Key.
/// </summary>
public sealed class ClusterRush : IAsyncDisposable
{
    private readonly List<HttpClient> https;
    private readonly AdminSession admin;
    private PatientTokens tokens = PatientTokens.None;

    /// <param name="moreSilos">Silos outside the cluster (another cluster on the same database); their clients follow the cluster's.</param>
    public ClusterRush(SiloCluster cluster, string runId, params Uri[] moreSilos)
    {
        RunId = runId;
        https = cluster.Urls.Concat(moreSilos).Select(url => TunedHttpClient.Create(url, maxConnections: 64, requestTimeout: TimeSpan.FromSeconds(10))).ToList();
        Clients = https.Select(http => new BookingServiceClient(http)).ToList();
        admin = new AdminSession(Clients[0], cluster.Admin);
    }

    public string RunId { get; }

    public IReadOnlyList<BookingServiceClient> Clients { get; }

    public IReadOnlyList<string> PoolIds { get; private set; } = [];

    public string PatientId(int member) => $"{RunId}-pt{member}";

    public BearerToken? TokenOf(int member) => tokens.Of(member);

    /// <summary>Creates <paramref name="pools"/> pools of <paramref name="quota"/>, released a minute ago, and signs in <paramref name="patients"/> patients.</summary>
    public async Task ProvisionAsync(int pools, int quota, int patients)
    {
        var password = "rush-" + Guid.NewGuid().ToString("N");
        var registered = await PatientProvisioner.RegisterAsync(Clients[0], admin, $"{RunId}-pt", patients, password, null, CancellationToken.None);
        Assert.Equal(PatientRegistration.WithAccounts, registered);
        tokens = await PatientSignIn.RunAsync(Clients[0], $"{RunId}-pt", patients, password, TimeProvider.System, null, CancellationToken.None, parallelism: 8);
        var ids = new List<string>();
        var date = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < pools; i++)
        {
            var pool = new NewPool($"{RunId}-pool{i:D2}", $"{RunId}-dr{i:D2}", date, "morning", "08:00", 5, quota, 50m, DateTimeOffset.UtcNow.AddMinutes(-1));
            var created = await admin.CallAsync(token => Clients[i % Clients.Count].CreatePoolAsync(pool, token, CancellationToken.None), $"Creating {pool.PoolId}", CancellationToken.None);
            Assert.True(created.Outcome.IsSuccess, $"Creating {pool.PoolId}: {created.Outcome}");
            ids.Add(pool.PoolId!);
        }
        PoolIds = ids;
    }

    /// <summary>
    /// Every patient tries <paramref name="choices"/> pools (picked with <paramref name="seed"/>), attempt n through silo
    /// <c>n % 3</c> (the cluster's) unless <paramref name="silos"/> narrows them. <paramref name="onSent"/> runs once
    /// <paramref name="sentBeforeSignal"/> attempts have been sent, without holding the rush up.
    /// </summary>
    public async Task<IReadOnlyList<RushAttempt>> RunAsync(
        int patients, int choices, int seed, int[]? silos = null, int sentBeforeSignal = -1, Func<Task>? onSent = null, int parallelism = 48)
    {
        silos ??= Enumerable.Range(0, SiloCluster.Size).ToArray();
        var random = new Random(seed);
        var plan = Enumerable.Range(0, patients)
            .SelectMany(member => PoolIds.OrderBy(_ => random.Next()).Take(choices).Select(pool => (member, pool)))
            .OrderBy(_ => random.Next())
            .ToList();
        var attempts = new ConcurrentBag<RushAttempt>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        Task signal = Task.CompletedTask;
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (n, ct) =>
        {
            var (member, pool) = plan[n];
            if (Interlocked.Increment(ref sent) == sentBeforeSignal && onSent is not null) signal = Task.Run(onSent, CancellationToken.None);
            var silo = silos[n % silos.Length];
            var key = $"{RunId}-{member}-{pool}";
            var at = clock.Elapsed;
            var call = await Clients[silo].ReserveAsync(pool, PatientId(member), tokens.Of(member), key, ct);
            attempts.Add(new RushAttempt(member, PatientId(member), pool, key, silo, call.Outcome, call.Body, at, call.RetryAfter));
        });
        await signal;
        return [.. attempts];
    }

    /// <summary>
    /// Sends <paramref name="attempt"/> again with its own Idempotency-Key through <paramref name="silo"/> until the
    /// answer is final (not a 503, not silence), as a patient's app retries; gives up at <paramref name="deadline"/>.
    /// </summary>
    public async Task<RushAttempt> ReplayAsync(RushAttempt attempt, int silo, DateTime deadline)
    {
        while (true)
        {
            var call = await Clients[silo].ReserveAsync(attempt.PoolId, attempt.PatientId, tokens.Of(attempt.Patient), attempt.Key, CancellationToken.None);
            var replayed = attempt with { Silo = silo, Outcome = call.Outcome, Reservation = call.Body, RetryAfter = call.RetryAfter };
            if (!call.Outcome.IsTransient || DateTime.UtcNow > deadline) return replayed;
            // The service says when to come back; a patient's app does the same.
            await Task.Delay(call.RetryAfter is { } after && after < TimeSpan.FromSeconds(2) ? after : TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in https) http.Dispose();
        await Task.CompletedTask;
    }
}
