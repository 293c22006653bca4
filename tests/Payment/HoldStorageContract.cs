using System.Text.Json;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Infrastructure;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Payment;

/// <summary>Holds, payments and their outbox notices in the database, on every engine.</summary>
public abstract class HoldStorageContract : StoreContract
{
    private static readonly DateTimeOffset ExpiresAt = Now.AddMinutes(15);

    private IChangeStorage<SlotPoolState, SlotPoolChange> Pools => Store.SlotPools;

    private static Reservation Hold(int number) =>
        Reservation(number) with { Status = ReservationStatus.PendingPayment, HoldExpiresAt = ExpiresAt, FeeFen = 2550 };

    private async Task CreatePoolWithHoldsAsync(params Reservation[] holds)
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(), Now)], CancellationToken.None);
        await Pools.WriteAsync("pool-1", 1, holds.Select(h => (SlotPoolChange)new ReservationMade(h)).ToList(), CancellationToken.None);
    }

    private async Task<SlotPoolState> ReadAsync() => (await Pools.ReadAsync("pool-1", CancellationToken.None))!.State;

    [Fact]
    public async Task AHoldReadsBackWithItsExpiryAndFeeAndHoldsItsNumber()
    {
        await CreatePoolWithHoldsAsync(Hold(1));

        var state = await ReadAsync();

        Assert.Equal(Hold(1), state.FindReservation(Hold(1).ReservationId));
        Assert.Equal(ExpiresAt, state.EarliestHoldExpiry());
        Assert.Equal(1, state.Booked);
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE fee_fen = 2550 AND active_sequence = 1"));
    }

    [Fact]
    public async Task TheExpirySweepFindsOnlyPoolsWithAHoldWhoseTimeIsUp()
    {
        await CreatePoolWithHoldsAsync(Hold(1), Reservation(2));
        var holds = HospitalReadModels.Create(Database.Options).HoldsToExpire;

        Assert.Empty(await holds.FindPoolsAsync(ExpiresAt.AddTicks(-10), CancellationToken.None));
        Assert.Equal(["pool-1"], await holds.FindPoolsAsync(ExpiresAt, CancellationToken.None));
        await Pools.WriteAsync("pool-1", 2, [new HoldPaid(Hold(1).ReservationId, Now, Hold(1).PatientId)], CancellationToken.None);
        Assert.Empty(await holds.FindPoolsAsync(ExpiresAt.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task APaidHoldIsBookedWithThePaymentInstant()
    {
        await CreatePoolWithHoldsAsync(Hold(1));
        var paidAt = Now.AddMinutes(3);

        await Pools.WriteAsync("pool-1", 2, [new HoldPaid(Hold(1).ReservationId, paidAt, Hold(1).PatientId)], CancellationToken.None);

        var paid = (await ReadAsync()).FindReservation(Hold(1).ReservationId)!;
        Assert.Equal(Hold(1) with { Status = ReservationStatus.Booked, PaidAt = paidAt }, paid);
        Assert.Null((await ReadAsync()).EarliestHoldExpiry());
        // Only now is the number the patient's: the same batch tells them it is booked.
        Assert.Equal(1, await Database.ScalarAsync(
            $"SELECT COUNT(*) FROM notifications WHERE kind = 'booking_confirmed' AND notification_id = 'booked-{paid.ReservationId}' AND patient_id = '{paid.PatientId}'"));
    }

    [Fact]
    public async Task PayingAHoldThatIsNoLongerPendingFailsTheBatch()
    {
        await CreatePoolWithHoldsAsync(Hold(1));
        await Pools.WriteAsync("pool-1", 2, [new ReservationCancelled(Hold(1).ReservationId, CancellationReason.PaymentExpired, ExpiresAt)], CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Pools.WriteAsync("pool-1", 3, [new HoldPaid(Hold(1).ReservationId, ExpiresAt, Hold(1).PatientId)], CancellationToken.None));

        Assert.Equal(ReservationStatus.Cancelled, (await ReadAsync()).FindReservation(Hold(1).ReservationId)!.Status);
    }

    [Fact]
    public async Task PaymentNoticesGoToTheOutboxInTheSameBatch()
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(), Now)], CancellationToken.None);
        var hold = Hold(1);

        await Pools.WriteAsync("pool-1", 1,
            [new ReservationMade(hold), new PaymentNoticeQueued(PaymentNotice.For(hold, PaymentNotice.Due, Now) with { NotificationId = "due-1" })],
            CancellationToken.None);
        await Pools.WriteAsync("pool-1", 2,
            [
                new ReservationCancelled(hold.ReservationId, CancellationReason.PaymentExpired, ExpiresAt),
                new PaymentNoticeQueued(PaymentNotice.For(hold, PaymentNotice.Expired, ExpiresAt) with { NotificationId = "expired-1" }),
            ],
            CancellationToken.None);

        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE notification_id = 'due-1' AND kind = 'payment_due' AND patient_id = 'patient-1'"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE notification_id = 'expired-1' AND kind = 'payment_expired'"));
        using var payload = JsonDocument.Parse(await Database.TextAsync("SELECT payload FROM notifications WHERE notification_id = 'due-1'"));
        Assert.Equal(2550, payload.RootElement.GetProperty("feeFen").GetInt64());
        Assert.Equal(hold.ReservationId, payload.RootElement.GetProperty("reservationId").GetString());
        Assert.Equal(1, await Database.ScalarAsync(
            "SELECT COUNT(*) FROM reservations WHERE status = 'cancelled' AND cancellation_reason = 'payment_expired' AND active_sequence IS NULL"));
    }
}

public sealed class SqliteHoldStorageTests : HoldStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbHoldStorageTests(MariaDbFixture fixture) : HoldStorageContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
