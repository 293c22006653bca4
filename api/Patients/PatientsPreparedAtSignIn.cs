using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.References;

namespace OrleansBooking.Api.Patients;

/// <summary>
/// Activates a signed-in account's patient grains in the background, so that at the release instant
/// a booking patient's grain is already in memory: the first booking then waits for no activation
/// and no database read, and that work is done before 08:00 instead of in the release second, when
/// the whole crowd arrives at once (docs/benchmarks.md). An idle grain is still collected after the
/// grains' idle age, so a patient who signs in long before the release costs memory only until then.
/// </summary>
/// <remarks>
/// Sign-in never waits for this: accounts are queued, at most <see cref="MaxQueued"/> (past that a
/// sign-in is simply not prepared; the first booking activates the grain as before), and prepared a
/// few at a time; <see cref="PreparationMetrics"/> counts each outcome. A failure is logged and forgotten: preparing is an optimisation, never a condition.
/// </remarks>
public sealed class PatientsPreparedAtSignIn(
    IPatientDirectory directory, GrainReferences<IPatientGrain> patients, PreparationMetrics metrics, ILogger<PatientsPreparedAtSignIn> logger)
    : BackgroundService
{
    /// <summary>
    /// Sign-ins waiting to be prepared. Sign-in outruns preparation while both compete for the CPU
    /// (the suite's rush signed in ≈ 800/s and prepared ≈ 300/s), and preparation catches up once
    /// sign-in slows; a bound of 10,000 left 35 % of the rush's 150,000 sign-ins unprepared
    /// (docs/benchmarks.md §0m). An entry is an account id, ≈ 0.1 KB: at most ≈ 20 MB while full.
    /// </summary>
    public const int MaxQueued = 200_000;

    /// <summary>Accounts prepared at once: enough to keep up with sign-in, few enough to leave the silo to requests.</summary>
    public const int AtOnce = 4;

    // Wait, not DropWrite: TryWrite never waits either way, but only under Wait does it say (false)
    // that the queue was full, which the metrics count.
    private readonly Channel<string> signedIn = Channel.CreateBounded<string>(
        new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    /// <summary>Queues the account's patients to be prepared; returns at once.</summary>
    public void SignedIn(string accountId)
    {
        if (!signedIn.Writer.TryWrite(accountId)) metrics.NotQueued();
    }

    /// <summary>Activates every patient the account manages; completes when they are active.</summary>
    public async Task PrepareAsync(string accountId, CancellationToken cancellationToken)
    {
        foreach (var patient in await directory.ListByAccountAsync(accountId, cancellationToken))
            await patients.Get(patient.Profile.PatientId).PrepareAsync();
    }

    // Parallel.ForEachAsync reads the channel through one enumerator and runs the bodies side by side.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(signedIn.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = stoppingToken },
            async (accountId, cancellationToken) =>
            {
                try
                {
                    await PrepareAsync(accountId, cancellationToken);
                    metrics.Prepared();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    metrics.Failed();
                    logger.LogWarning(e, "Could not prepare the patients of account {AccountId} after sign-in; their first booking will load them", accountId);
                }
            });
}
