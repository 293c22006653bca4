using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Storage;

namespace OrleansBooking.Tests.Invariants;

/// <summary>
/// The invariants of a pool, hammered against a real database of each engine: never more
/// bookings than quota, one per patient, a distinct number each, nothing acknowledged that is
/// not durable — under bursts, restarts, two hosts, failed writes and quota changes.
/// </summary>
public abstract class PoolInvariantContract : IAsyncLifetime
{
    private TestDatabase? database;

    protected TestDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task TwentyThousandPatientsRushQuotaFiveHundredAndExactlyFiveHundredGetANumber()
    {
        await using var host = await BookingHost.StartAsync(Database.Options);
        var pool = await CreatePoolAsync(host, "rush", quota: 500);

        var outcomes = await Patients.RushAsync(pool, Patients.Distinct(20_000));

        var reserved = outcomes.OfType<ReserveOutcome.Reserved>().ToList();
        Assert.Equal(500, reserved.Count);
        Assert.Equal(19_500, outcomes.Count(o => o is ReserveOutcome.SoldOut));
        Assert.Equal(Enumerable.Range(1, 500), reserved.Select(r => r.Reservation.SequenceNumber).Order());
        var stored = await StoredPoolRows.ReadAsync(Database, "rush");
        stored.AssertInvariants();
        Assert.Equal(500, stored.Active.Count);
        stored.AssertContains(Patients.Acknowledged(outcomes));
    }

    [Fact]
    public async Task APatientRacingThemselvesGetsOneReservation()
    {
        await using var host = await BookingHost.StartAsync(Database.Options);
        var pool = await CreatePoolAsync(host, "self-race", quota: 50);

        var outcomes = await Patients.RushAsync(pool, Enumerable.Range(0, 300).Select(_ => new ReserveRequest("eager-patient")));

        var reserved = Assert.Single(outcomes.OfType<ReserveOutcome.Reserved>());
        Assert.All(outcomes.Where(o => o is not ReserveOutcome.Reserved),
            o => Assert.Equal(new ReserveOutcome.AlreadyBooked(reserved.Reservation), o));
        Assert.Single((await StoredPoolRows.ReadAsync(Database, "self-race")).Reservations);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyRetriedConcurrentlyYieldsOneReservation()
    {
        await using var host = await BookingHost.StartAsync(Database.Options);
        var pool = await CreatePoolAsync(host, "retries", quota: 50);

        var outcomes = await Patients.RushAsync(pool, Enumerable.Range(0, 300).Select(_ => new ReserveRequest("patient-1", "one-tap")));

        var ids = outcomes.Select(o => Assert.IsType<ReserveOutcome.Reserved>(o).Reservation.ReservationId).Distinct();
        Assert.Single(ids);
        Assert.Single((await StoredPoolRows.ReadAsync(Database, "retries")).Reservations);
    }

    [Fact]
    public async Task ANewHostOnTheSameDatabaseSeesExactlyWhatWasAcknowledged()
    {
        IReadOnlyList<(string ReservationId, int SequenceNumber)> acknowledged;
        int lowestCancelled;
        await using (var first = await BookingHost.StartAsync(Database.Options))
        {
            var pool = await CreatePoolAsync(first, "restart", quota: 300);
            var outcomes = await Patients.RushAsync(pool, Patients.Distinct(1_000));
            acknowledged = Patients.Acknowledged(outcomes);
            var toCancel = outcomes.OfType<ReserveOutcome.Reserved>().Take(10).ToList();
            lowestCancelled = toCancel.Min(r => r.Reservation.SequenceNumber);
            foreach (var r in toCancel) await pool.CancelAsync(r.Reservation.ReservationId, CancellationReason.PatientRequest);
        }

        await using var second = await BookingHost.StartAsync(Database.Options);
        var reloaded = (await second.Pools.GetSlotPool("restart").ListReservationsAsync())!;

        Assert.Equal(acknowledged.Select(a => a.ReservationId).Order(), reloaded.Select(r => r.ReservationId).Order());
        Assert.Equal(acknowledged.ToDictionary(a => a.ReservationId, a => a.SequenceNumber), reloaded.ToDictionary(r => r.ReservationId, r => r.SequenceNumber));
        Assert.Equal(10, reloaded.Count(r => r.Status == ReservationStatus.Cancelled));
        var afterRestart = await second.Pools.GetSlotPool("restart").ReserveAsync(new ReserveRequest("late-patient"));
        // A freed number goes back to the pool and the lowest free one is given first.
        Assert.Equal(lowestCancelled, Assert.IsType<ReserveOutcome.Reserved>(afterRestart).Reservation.SequenceNumber);
    }

    [Fact]
    public async Task TwoHostsTakingReservationsForOnePoolNeverOversellOrRepeatANumber()
    {
        await using var east = await BookingHost.StartAsync(Database.Options);
        await using var west = await BookingHost.StartAsync(Database.Options);
        await CreatePoolAsync(east, "shared", quota: 150);
        var eastPool = east.Pools.GetSlotPool("shared");
        var westPool = west.Pools.GetSlotPool("shared");
        // West loads the pool, then east writes: west's activation is stale before the burst, so
        // its first write must collide however the burst happens to interleave.
        Assert.NotNull(await westPool.GetSnapshotAsync());
        var early = await eastPool.ReserveAsync(new ReserveRequest("early-patient", "early-key"));
        Assert.IsType<ReserveOutcome.Reserved>(early);

        var requests = Patients.Distinct(600).ToList();
        var collisions = 0;
        var outcomes = await Task.WhenAll(requests.Select((r, i) =>
            Task.Run(() => Patients.ReserveUntilDecidedAsync(i % 2 == 0 ? eastPool : westPool, r, () => Interlocked.Increment(ref collisions)))));

        var stored = await StoredPoolRows.ReadAsync(Database, "shared");
        stored.AssertInvariants();
        stored.AssertContains(Patients.Acknowledged([early, .. outcomes]));
        Assert.Equal(150, stored.Active.Count);
        Assert.Equal(149, outcomes.Count(o => o is ReserveOutcome.Reserved));
        Assert.Equal(451, outcomes.Count(o => o is ReserveOutcome.SoldOut));
        Assert.True(collisions > 0, "The two hosts never wrote over each other's version, so the conflict path was not exercised.");
    }

    [Fact]
    public async Task AWriteThatFailsBeforeCommittingAnswersNoCallerWithSuccess()
    {
        await using var host = await BookingHost.StartAsync(Database.Options);
        var pool = await CreatePoolAsync(host, "outage", quota: 400);
        host.Writes.FailBeforeCommit(3);

        var attempts = await Task.WhenAll(Patients.Distinct(1_000).Select(r => Task.Run(() => Attempt(pool, r))));

        var stored = await StoredPoolRows.ReadAsync(Database, "outage");
        stored.AssertInvariants();
        var acknowledged = attempts.Where(a => a.Outcome is ReserveOutcome.Reserved).Select(a => a.Outcome!).ToList();
        Assert.True(attempts.Count(a => a.Fault is not null) > 0, "The injected failures reached no caller.");
        Assert.Equal(acknowledged.Count, stored.Active.Count);
        stored.AssertContains(Patients.Acknowledged(acknowledged));
        // The failed callers retry with their keys; afterwards the pool is full and consistent.
        var retried = await Task.WhenAll(attempts.Where(a => a.Fault is not null).Select(a => Patients.ReserveUntilDecidedAsync(pool, a.Request)));
        var final = await StoredPoolRows.ReadAsync(Database, "outage");
        final.AssertInvariants();
        Assert.Equal(400, final.Active.Count);
        final.AssertContains(Patients.Acknowledged([.. acknowledged, .. retried]));
    }

    [Fact]
    public async Task AWriteThatCommitsButReportsFailureIsFoundAgainByItsIdempotencyKey()
    {
        await using var host = await BookingHost.StartAsync(Database.Options);
        var pool = await CreatePoolAsync(host, "ambiguous", quota: 100);
        host.Writes.FailAfterCommit(1);

        var first = await Attempt(pool, new ReserveRequest("patient-1", "tap-1"));
        var retry = await Patients.ReserveUntilDecidedAsync(pool, new ReserveRequest("patient-1", "tap-1"));

        Assert.IsType<GrainStorageException>(first.Fault);
        var reserved = Assert.IsType<ReserveOutcome.Reserved>(retry);
        Assert.True(reserved.Replayed, "The retry must find the reservation the failed-looking write committed.");
        var stored = await StoredPoolRows.ReadAsync(Database, "ambiguous");
        Assert.Equal(reserved.Reservation.ReservationId, Assert.Single(stored.Active).ReservationId);
    }

    [Fact]
    public async Task GroupCommitWritesAThousandConcurrentReservationsInAFewTransactions()
    {
        await using var host = await BookingHost.StartAsync(Database.Options);
        var pool = await CreatePoolAsync(host, "batched", quota: 1_000);
        var before = host.Writes.Transactions;
        // The first write of the burst waits until every call has been sent, so the count below
        // measures batching, not how fast this machine happens to start 1,000 tasks.
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = 1;
        host.Writes.BeforeWrite = _ => Interlocked.Exchange(ref holding, 0) == 1 ? allSent.Task : Task.CompletedTask;
        var sent = 0;

        var outcomes = await Task.WhenAll(Patients.Distinct(1_000).Select(r => Task.Run(() =>
        {
            var reply = pool.ReserveAsync(r);
            if (Interlocked.Increment(ref sent) == 1_000) allSent.TrySetResult();
            return reply;
        })));

        var transactions = host.Writes.Transactions - before;
        Assert.Equal(1_000, outcomes.Count(o => o is ReserveOutcome.Reserved));
        Assert.True(transactions <= 100, $"1,000 reservations took {transactions} transactions; group commit should need a small fraction.");
        Assert.Equal(1_000, (await StoredPoolRows.ReadAsync(Database, "batched")).Active.Count);
    }

    [Fact]
    public async Task QuotaChangesDuringABurstKeepEveryInvariant()
    {
        await using var host = await BookingHost.StartAsync(Database.Options);
        var pool = await CreatePoolAsync(host, "shifting", quota: 100);

        var burst = Patients.RushAsync(pool, Patients.Distinct(3_000));
        var quotas = new[] { 250, 120, 400, 150, 300, 200 };
        var changes = Task.Run(async () =>
        {
            var answers = new List<ChangePoolOutcome>();
            foreach (var quota in quotas) answers.Add(await pool.ChangeAsync(new PoolChangeRequest(Quota: quota)));
            return answers;
        });
        var outcomes = await burst;
        var answers = await changes;

        var stored = await StoredPoolRows.ReadAsync(Database, "shifting");
        stored.AssertInvariants();
        stored.AssertContains(Patients.Acknowledged(outcomes));
        Assert.Equal(outcomes.Count(o => o is ReserveOutcome.Reserved), stored.Active.Count);
        var lastAccepted = answers.OfType<ChangePoolOutcome.Changed>().Last().Pool.Quota;
        Assert.Equal(lastAccepted, stored.Quota);
        foreach (var refused in answers.OfType<ChangePoolOutcome.QuotaBelowBooked>())
            Assert.True(refused.MinimumQuota > 0, "A refused quota change must name the lowest quota allowed.");
    }

    private static async Task<ISlotPoolGrain> CreatePoolAsync(BookingHost host, string poolId, int quota)
    {
        var pool = host.Pools.GetSlotPool(poolId);
        Assert.IsType<CreatePoolOutcome.Created>(await pool.CreateAsync(BookingHost.Pool(poolId, quota)));
        return pool;
    }

    private static async Task<AttemptResult> Attempt(ISlotPoolGrain pool, ReserveRequest request)
    {
        try
        {
            return new AttemptResult(request, await pool.ReserveAsync(request), null);
        }
        catch (GrainUnavailableException fault)
        {
            return new AttemptResult(request, null, fault);
        }
    }

    private sealed record AttemptResult(ReserveRequest Request, ReserveOutcome? Outcome, GrainUnavailableException? Fault);
}
