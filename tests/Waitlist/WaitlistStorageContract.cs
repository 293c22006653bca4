using System.Text.Json;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Grains.Waitlist;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Infrastructure;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Waitlist;

/// <summary>The waitlist's rows, its offers' numbers and their outbox notices, on every engine.</summary>
public abstract class WaitlistStorageContract : StoreContract
{
    private static readonly DateTimeOffset ExpiresAt = Now.AddMinutes(30);

    private IChangeStorage<SlotPoolState, SlotPoolChange> Pools => Store.SlotPools;

    private static WaitlistEntry Entry(string patientId, long turn) => new(patientId, turn, Now.AddSeconds(turn));

    private static WaitlistOfferMade Offer(string patientId, int number) =>
        new("pool-1", new WaitlistOffer(patientId, number, Now.AddHours(1), Now, ExpiresAt), $"offer-{patientId}");

    /// <summary>A pool of one number, booked, with patients a, b and c waiting in that order.</summary>
    private async Task<long> CreateSoldOutPoolWithWaitlistAsync()
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(quota: 1), Now)], CancellationToken.None);
        await Pools.WriteAsync("pool-1", 1, [new ReservationMade(Reservation(1))], CancellationToken.None);
        await Pools.WriteAsync("pool-1", 2, [new WaitlistJoined(Entry("a", 1)), new WaitlistJoined(Entry("b", 2)), new WaitlistJoined(Entry("c", 3))],
            CancellationToken.None);
        return 3;
    }

    private async Task<SlotPoolState> ReadAsync() => (await Pools.ReadAsync("pool-1", CancellationToken.None))!.State;

    [Fact]
    public async Task TheQueueReadsBackInTurnAndAnOfferHoldsItsNumber()
    {
        var version = await CreateSoldOutPoolWithWaitlistAsync();
        await Pools.WriteAsync("pool-1", version, [new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.PatientRequest, Now), Offer("a", 1)],
            CancellationToken.None);

        var state = await ReadAsync();

        Assert.Equal(Offer("a", 1).Offer, state.Waitlist.OfferFor("a"));
        Assert.Equal(["b", "c"], state.Waitlist.Waiting.Select(e => e.PatientId));
        Assert.Equal(4, state.Waitlist.NextTurn);
        Assert.Equal((0, 1), (state.Booked, state.Taken));
        Assert.Equal(2, state.NextFreeNumber());
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE notification_id = 'offer-a' AND kind = 'waitlist_offer' AND patient_id = 'a'"));
        using var payload = JsonDocument.Parse(await Database.TextAsync("SELECT payload FROM notifications WHERE notification_id = 'offer-a'"));
        Assert.Equal(("pool-1", 1), (payload.RootElement.GetProperty("poolId").GetString(), payload.RootElement.GetProperty("sequenceNumber").GetInt32()));
    }

    [Fact]
    public async Task AStoppedClinicEndsEveryEntryWaitingOrOfferedAndTellsEachPatientInTheSameTransaction()
    {
        var version = await CreateSoldOutPoolWithWaitlistAsync();
        await Pools.WriteAsync("pool-1", version++, [new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.PatientRequest, Now), Offer("a", 1)],
            CancellationToken.None);

        await Pools.WriteAsync("pool-1", version,
            [.. new[] { "a", "b", "c" }.Select(p => new WaitlistWithdrawn("pool-1", p, "Dr. Li is ill", $"ended-{p}", Now)), new PoolStatusChanged(PoolStatus.Cancelled)],
            CancellationToken.None);
        var state = await ReadAsync();

        Assert.Equal((false, false, 0), (state.Waitlist.HasOffers, state.Waitlist.HasWaiting, state.Taken));
        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM waitlist_entries WHERE pool_id = 'pool-1' AND status = 'lapsed' AND lapse = 'withdrawn'"));
        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'waitlist_ended' AND notification_id LIKE 'ended-%'"));
        using var payload = JsonDocument.Parse(await Database.TextAsync("SELECT payload FROM notifications WHERE notification_id = 'ended-b'"));
        Assert.Equal(("pool-1", "Dr. Li is ill"), (payload.RootElement.GetProperty("poolId").GetString(), payload.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ALapsedOfferIsRememberedForOfferExpiredAndATakenOneIsTheReservation()
    {
        var version = await CreateSoldOutPoolWithWaitlistAsync();
        await Pools.WriteAsync("pool-1", version++, [new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.PatientRequest, Now), Offer("a", 1)],
            CancellationToken.None);
        await Pools.WriteAsync("pool-1", version++, [new WaitlistOfferLapsed("a", OfferLapse.Expired, ExpiresAt), Offer("b", 1)], CancellationToken.None);
        var taken = Reservation(1, patientId: "b") with { ReservationId = "res-b" };
        await Pools.WriteAsync("pool-1", version++, [new WaitlistOfferTaken("b", "res-b", ExpiresAt), new ReservationMade(taken), new WaitlistLeft("c", ExpiresAt)],
            CancellationToken.None);

        var state = await ReadAsync();

        Assert.True(state.Waitlist.HadOfferLapse("a"));
        Assert.False(state.Waitlist.HasOffers);
        Assert.False(state.Waitlist.HasWaiting);
        Assert.Equal(taken, state.FindReservation("res-b"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM waitlist_entries WHERE patient_id = 'b' AND status = 'taken' AND reservation_id = 'res-b'"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM waitlist_entries WHERE patient_id = 'a' AND status = 'lapsed' AND lapse = 'expired'"));
    }

    [Fact]
    public async Task APatientWhoseOfferLapsedMayJoinAgainAtTheBackAndIsCountedOnce()
    {
        var version = await CreateSoldOutPoolWithWaitlistAsync();
        await Pools.WriteAsync("pool-1", version++, [new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.PatientRequest, Now), Offer("a", 1)],
            CancellationToken.None);
        await Pools.WriteAsync("pool-1", version++, [new WaitlistOfferLapsed("a", OfferLapse.Declined, Now), Offer("b", 1), new WaitlistJoined(Entry("a", 4))],
            CancellationToken.None);

        var state = await ReadAsync();
        var records = HospitalReadModels.Create(Database.Options).WaitlistRecords;

        Assert.Equal(["c", "a"], state.Waitlist.Waiting.Select(e => e.PatientId));
        Assert.False(state.Waitlist.HadOfferLapse("a"));
        Assert.Equal(1, await records.CountWaitlistsAsync("a", new DateOnly(2026, 12, 1), CancellationToken.None));
        Assert.Equal(1, await records.CountWaitlistsAsync("b", new DateOnly(2026, 12, 1), CancellationToken.None));
        Assert.Equal(0, await records.CountWaitlistsAsync("a", new DateOnly(2026, 12, 11), CancellationToken.None));
    }

    [Fact]
    public async Task AWaitlistChangeThatFindsNoRowFailsTheWholeBatch()
    {
        var version = await CreateSoldOutPoolWithWaitlistAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Pools.WriteAsync("pool-1", version,
            [new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.PatientRequest, Now), new WaitlistOfferLapsed("nobody", OfferLapse.Expired, Now)],
            CancellationToken.None));

        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE status = 'booked'"));
    }
}

public sealed class SqliteWaitlistStorageTests : WaitlistStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbWaitlistStorageTests(MariaDbFixture fixture) : WaitlistStorageContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
