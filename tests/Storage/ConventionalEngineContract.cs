using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Fakes;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Storage;

/// <summary>The conventional engine (one locking transaction per call) gives the outcomes the pool grain gives, on every engine.</summary>
public abstract class ConventionalEngineContract : IAsyncLifetime
{
    private static readonly SlotPoolRules Rules = new();

    private TestDatabase? database;
    private IBookingStore? store;
    private ISlotPoolGrainFactory? engine;

    protected FakeTimeProvider Clock { get; } = new(Now);

    private ISlotPoolGrain Pool1 => engine!.GetSlotPool("pool-1");

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        store = BookingStoreFactory.Create(database.Options, Clock);
        await store.MigrateAsync(CancellationToken.None);
        engine = store.CreateConventionalEngine(Clock, Rules);
    }

    public async Task DisposeAsync()
    {
        if (store is not null) await store.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task CreatingTwiceReportsTheExistingPool()
    {
        var created = Assert.IsType<CreatePoolOutcome.Created>(await Pool1.CreateAsync(Pool() with { PoolId = "ignored" }));
        Assert.Equal(Pool(), created.Pool.Definition);

        var again = Assert.IsType<CreatePoolOutcome.PoolExists>(await Pool1.CreateAsync(Pool(quota: 99)));
        Assert.Equal(30, again.Pool.Quota);
    }

    [Fact]
    public async Task UnknownPoolIsNotFound()
    {
        Assert.IsType<ReserveOutcome.PoolNotFound>(await Pool1.ReserveAsync(new ReserveRequest("patient-1")));
        Assert.IsType<CancelOutcome.ReservationNotFound>(await Pool1.CancelAsync("x", CancellationReason.PatientRequest));
        Assert.IsType<ChangePoolOutcome.PoolNotFound>(await Pool1.ChangeAsync(new PoolChangeRequest(Quota: 5)));
        Assert.Null(await Pool1.GetSnapshotAsync());
        Assert.Null(await Pool1.ListReservationsAsync());
    }

    [Fact]
    public async Task NumbersGoOutInOrderUntilSoldOut()
    {
        await Pool1.CreateAsync(Pool(quota: 3));

        var outcomes = new List<ReserveOutcome>();
        for (var i = 1; i <= 5; i++) outcomes.Add(await Pool1.ReserveAsync(new ReserveRequest($"patient-{i}")));

        var reserved = outcomes.Take(3).Select(o => Assert.IsType<ReserveOutcome.Reserved>(o).Reservation).ToList();
        Assert.Equal([1, 2, 3], reserved.Select(r => r.SequenceNumber));
        Assert.Equal(Rules.VisitTime(Pool(), 3, Rules.TimeZone), reserved[2].VisitTime);
        Assert.All(outcomes.Skip(3), o => Assert.IsType<ReserveOutcome.SoldOut>(o));
        var snapshot = await Pool1.GetSnapshotAsync();
        Assert.Equal(3, snapshot?.Booked);
        Assert.Equal(0, snapshot?.Remaining);
    }

    [Fact]
    public async Task ConcurrentPatientsNeverExceedTheQuota()
    {
        await Pool1.CreateAsync(Pool(quota: 10));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => Pool1.ReserveAsync(new ReserveRequest($"patient-{i}")))));

        var numbers = outcomes.OfType<ReserveOutcome.Reserved>().Select(r => r.Reservation.SequenceNumber).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 10), numbers);
        Assert.Equal(30, outcomes.Count(o => o is ReserveOutcome.SoldOut));
    }

    [Fact]
    public async Task SecondReservationOfAPatientIsAlreadyBooked()
    {
        await Pool1.CreateAsync(Pool());
        var first = Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-1"))).Reservation;

        var second = Assert.IsType<ReserveOutcome.AlreadyBooked>(await Pool1.ReserveAsync(new ReserveRequest("patient-1")));

        Assert.Equal(first, second.Existing);
    }

    [Fact]
    public async Task BeforeTheReleaseNothingIsReserved()
    {
        var releaseAt = Now.AddHours(2);
        await Pool1.CreateAsync(Pool() with { ReleaseAt = releaseAt });

        var outcome = Assert.IsType<ReserveOutcome.NotReleased>(await Pool1.ReserveAsync(new ReserveRequest("patient-1")));

        Assert.Equal(releaseAt, outcome.ReleaseAt);
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-1")));
    }

    [Fact]
    public async Task RetryWithTheSameKeyReplaysTheReservation()
    {
        await Pool1.CreateAsync(Pool());
        var first = Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-1", "key-1")));

        var retry = Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-1", "key-1")));

        Assert.False(first.Replayed, "The first attempt made the reservation.");
        Assert.True(retry.Replayed, "The retry should be reported as a replay.");
        Assert.Equal(first.Reservation, retry.Reservation);
        Assert.IsType<ReserveOutcome.IdempotencyKeyReused>(await Pool1.ReserveAsync(new ReserveRequest("patient-2", "key-1")));
        Assert.Single((await Pool1.ListReservationsAsync())!);
    }

    [Fact]
    public async Task CancellingReturnsTheNumberToThePool()
    {
        await Pool1.CreateAsync(Pool(quota: 3));
        var reserved = new List<Reservation>();
        for (var i = 1; i <= 3; i++)
            reserved.Add(Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest($"patient-{i}"))).Reservation);

        var cancelled = Assert.IsType<CancelOutcome.Cancelled>(await Pool1.CancelAsync(reserved[1].ReservationId, CancellationReason.PatientRequest));
        var next = Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-4")));

        Assert.Equal(ReservationStatus.Cancelled, cancelled.Reservation.Status);
        Assert.Equal(Now, cancelled.Reservation.CancelledAt);
        Assert.Equal(2, next.Reservation.SequenceNumber);
        Assert.Equal(cancelled.Reservation, await Pool1.GetReservationAsync(reserved[1].ReservationId));
        Assert.IsType<CancelOutcome.Cancelled>(await Pool1.CancelAsync(reserved[1].ReservationId, CancellationReason.PatientRequest));
        Assert.IsType<ReserveOutcome.SoldOut>(await Pool1.ReserveAsync(new ReserveRequest("patient-5")));
    }

    [Fact]
    public async Task PatientsCannotCancelAfterTheDeadline()
    {
        await Pool1.CreateAsync(Pool());
        var reservation = Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-1"))).Reservation;
        var deadline = Rules.CancellationDeadline(Pool(), Rules.TimeZone);
        Clock.SetUtcNow(deadline);

        var closed = Assert.IsType<CancelOutcome.CancellationClosed>(await Pool1.CancelAsync(reservation.ReservationId, CancellationReason.PatientRequest));

        Assert.Equal(deadline, closed.Deadline);
        Assert.IsType<CancelOutcome.Cancelled>(await Pool1.CancelAsync(reservation.ReservationId, CancellationReason.AdminAction));
    }

    [Fact]
    public async Task QuotaCannotDropBelowAHeldNumber()
    {
        await Pool1.CreateAsync(Pool());
        for (var i = 1; i <= 4; i++) await Pool1.ReserveAsync(new ReserveRequest($"patient-{i}"));

        var refused = Assert.IsType<ChangePoolOutcome.QuotaBelowBooked>(await Pool1.ChangeAsync(new PoolChangeRequest(Quota: 3)));
        var changed = Assert.IsType<ChangePoolOutcome.Changed>(await Pool1.ChangeAsync(new PoolChangeRequest(Quota: 4)));

        Assert.Equal(new ChangePoolOutcome.QuotaBelowBooked(4, 4), refused);
        Assert.Equal(4, changed.Pool.Quota);
        Assert.Equal(4, changed.Pool.Booked);
    }

    [Fact]
    public async Task ClosedPoolRefusesReservationsUntilReopened()
    {
        await Pool1.CreateAsync(Pool());

        Assert.IsType<ChangePoolOutcome.Changed>(await Pool1.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Closed)));
        var refused = Assert.IsType<ReserveOutcome.PoolClosed>(await Pool1.ReserveAsync(new ReserveRequest("patient-1")));
        Assert.Equal(PoolStatus.Closed, refused.Status);

        Assert.IsType<ChangePoolOutcome.Changed>(await Pool1.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Scheduled)));
        Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-1")));
    }

    [Fact]
    public async Task StoppingTheClinicCancelsEveryHeldNumber()
    {
        await Pool1.CreateAsync(Pool());
        for (var i = 1; i <= 3; i++) await Pool1.ReserveAsync(new ReserveRequest($"patient-{i}"));

        var changed = Assert.IsType<ChangePoolOutcome.Changed>(await Pool1.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Cancelled)));

        Assert.Equal(PoolStatus.Cancelled, changed.Pool.StoredStatus);
        Assert.Equal(0, changed.Pool.Booked);
        Assert.All((await Pool1.ListReservationsAsync())!, r =>
        {
            Assert.Equal(ReservationStatus.Cancelled, r.Status);
            Assert.Equal(CancellationReason.DoctorUnavailable, r.CancellationReason);
        });
        Assert.IsType<ChangePoolOutcome.PoolCancelled>(await Pool1.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Open)));
        Assert.Equal(0, (await Pool1.GetSnapshotAsync())?.Booked);
    }

    [Fact]
    public async Task ConventionalWritesAreReadableByTheActorStorage()
    {
        await Pool1.CreateAsync(Pool());
        var reserved = Assert.IsType<ReserveOutcome.Reserved>(await Pool1.ReserveAsync(new ReserveRequest("patient-1", "k"))).Reservation;

        var stored = await store!.SlotPools.ReadAsync("pool-1", CancellationToken.None);

        Assert.Equal(2, stored?.Version);
        Assert.Equal(reserved, stored?.State.FindByIdempotencyKey("k"));
        Assert.Equal("pool-1", await store.Reservations.FindPoolIdAsync(reserved.ReservationId, CancellationToken.None));
    }
}
