using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Api.Contracts.Notifications;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Notifications;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Notifications;

/// <summary>The outbox's writes and the dispatcher's reads, on every engine; each engine's class derives from this.</summary>
public abstract class OutboxStorageContract : IAsyncLifetime
{
    private TestDatabase? database;
    private IBookingStore? store;
    private NotificationStore? notifications;

    private TestDatabase Database => database!;

    private IChangeStorage<SlotPoolState, SlotPoolChange> Pools => store!.SlotPools;

    private INotificationQueue Queue => notifications!.Queue;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        store = BookingStoreFactory.Create(database.Options, new FakeTimeProvider(Now));
        await store.MigrateAsync(CancellationToken.None);
        notifications = NotificationStore.Create(database.Options);
    }

    public async Task DisposeAsync()
    {
        if (store is not null) await store.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task EachBookingAndEachPatientsCancellationIsQueuedInItsBatchButAStopClinicCancellationIsNot()
    {
        await CreatePoolWithReservationsAsync(3);
        var at = Now.AddHours(1);

        await Pools.WriteAsync("pool-1", 2, [
            new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.PatientRequest, at),
            new ReservationCancelled(Reservation(2).ReservationId, CancellationReason.DoctorUnavailable, at),
        ], CancellationToken.None);

        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'booking_confirmed' AND sent_at IS NULL"));
        Assert.Equal(1, await Database.ScalarAsync(
            $"SELECT COUNT(*) FROM notifications WHERE kind = 'reservation_cancelled' AND patient_id = 'patient-1' AND notification_id = 'cancelled-{Reservation(1).ReservationId}'"));
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'reservation_cancelled' AND patient_id <> 'patient-1'"));
    }

    [Fact]
    public async Task ABatchThatFailsQueuesNoConfirmation()
    {
        await CreatePoolWithReservationsAsync(1);

        // Number 1 is held already: the second booking of it breaks a constraint and the batch rolls back whole.
        await Assert.ThrowsAnyAsync<Exception>(() => Pools.WriteAsync("pool-1", 2,
            [new ReservationMade(Reservation(2)), new ReservationMade(Reservation(1, patientId: "patient-9"))], CancellationToken.None));

        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications"));
    }

    [Fact]
    public async Task RemindersAreQueuedOncePerBookedVisitAndNotForAnAccountThatTurnedThemOff()
    {
        await CreatePoolWithReservationsAsync(3);
        await AddPatientAsync("patient-3", "acct-quiet");
        await notifications!.Preferences.SaveAsync("acct-quiet", new NotificationPreferences(Reminders: false, Language: null), Now, CancellationToken.None);

        var first = await Queue.QueueRemindersAsync(new DateOnly(2026, 12, 10), Now, CancellationToken.None);
        var again = await Queue.QueueRemindersAsync(new DateOnly(2026, 12, 10), Now.AddMinutes(10), CancellationToken.None);
        var otherDay = await Queue.QueueRemindersAsync(new DateOnly(2026, 12, 11), Now, CancellationToken.None);

        Assert.Equal((2, 0, 0), (first, again, otherDay));
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'visit_reminder' AND patient_id IN ('patient-1', 'patient-2')"));
    }

    [Fact]
    public async Task AFailedRowWaitsForItsRetryAndADeliveredOneIsNeverDueAgain()
    {
        await CreatePoolWithReservationsAsync(2);
        var due = await Queue.DueAsync(Now, 10, hold: null, CancellationToken.None);
        Assert.Equal(["booked-" + Reservation(1).ReservationId, "booked-" + Reservation(2).ReservationId], due.Select(d => d.NotificationId));

        await Queue.MarkFailedAsync(due[0].NotificationId, 1, Now.AddMinutes(1), deadAt: null, "gateway down", emptyPayload: false, CancellationToken.None);
        await Queue.MarkSentAsync([new SentNotification(due[1].NotificationId, 1, Now, EmptyPayload: false)], CancellationToken.None);

        Assert.Empty(await Queue.DueAsync(Now.AddSeconds(59), 10, hold: null, CancellationToken.None));
        var retried = Assert.Single(await Queue.DueAsync(Now.AddMinutes(1), 10, hold: null, CancellationToken.None));
        Assert.Equal((due[0].NotificationId, 1), (retried.NotificationId, retried.Attempts));

        await Queue.MarkFailedAsync(retried.NotificationId, 2, retryAt: null, deadAt: Now.AddMinutes(1), "gave up", emptyPayload: true, CancellationToken.None);
        Assert.Empty(await Queue.DueAsync(Now.AddDays(1), 10, hold: null, CancellationToken.None));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE dead_at IS NOT NULL AND attempts = 2 AND last_error = 'gave up'"));
    }

    [Fact]
    public async Task DuringARushHoldTheKindsThatCanWaitAreDueOnlyWhenWrittenBeforeItsInstantAndOtherKindsAlways()
    {
        await CreatePoolWithReservationsAsync(3);
        // Confirmations are written at their reservation's instant, Now + 1 s, + 2 s, + 3 s; the third becomes a sign-in code.
        await Database.ExecuteAsync($"UPDATE notifications SET kind = 'sign_in_code' WHERE notification_id = 'booked-{Reservation(3).ReservationId}'");
        var hold = new DeliveryHold(NotificationKinds.CanWaitForTheRush, WrittenAfter: Now.AddSeconds(1.5));

        var held = await Queue.DueAsync(Now.AddMinutes(1), 10, hold, CancellationToken.None);
        var free = await Queue.DueAsync(Now.AddMinutes(1), 10, hold: null, CancellationToken.None);

        Assert.Equal(["booked-" + Reservation(1).ReservationId, "booked-" + Reservation(3).ReservationId], held.Select(d => d.NotificationId));
        Assert.Equal(3, free.Count);
    }

    [Fact]
    public async Task ABatchOfDeliveredRowsIsMarkedTogetherAndOnlyThoseAskedForForgetTheirPayload()
    {
        await CreatePoolWithReservationsAsync(3);
        var due = await Queue.DueAsync(Now, 10, hold: null, CancellationToken.None);
        Assert.Equal(3, due.Count);

        await Queue.MarkSentAsync(
            [new SentNotification(due[0].NotificationId, 1, Now, EmptyPayload: false), new SentNotification(due[1].NotificationId, 2, Now, EmptyPayload: true)],
            CancellationToken.None);

        var left = Assert.Single(await Queue.DueAsync(Now.AddDays(1), 10, hold: null, CancellationToken.None));
        Assert.Equal(due[2].NotificationId, left.NotificationId);
        Assert.Equal(1, await Database.ScalarAsync(
            $"SELECT COUNT(*) FROM notifications WHERE notification_id = '{due[1].NotificationId}' AND payload = '{{}}' AND attempts = 2 AND sent_at IS NOT NULL"));
        Assert.Equal(1, await Database.ScalarAsync(
            $"SELECT COUNT(*) FROM notifications WHERE notification_id = '{due[0].NotificationId}' AND payload <> '{{}}' AND attempts = 1 AND sent_at IS NOT NULL"));
    }

    [Fact]
    public async Task TheFactsOfAMessageNameThePatientTheSessionAndTheNumber()
    {
        await CreatePoolWithReservationsAsync(2);
        await AddPatientAsync("patient-2", "acct-2");
        await notifications!.Preferences.SaveAsync("acct-2", new NotificationPreferences(Reminders: true, Language: "en"), Now, CancellationToken.None);

        var facts = await Queue.ReservationFactsAsync(Reservation(2).ReservationId, CancellationToken.None);

        Assert.NotNull(facts);
        Assert.Equal(("patient-2", "张三丰", "13912345678", true, "en"), (facts.PatientId, facts.PatientName, facts.Mobile, facts.RemindersOn, facts.Language));
        Assert.Equal(("dr-lin", new DateOnly(2026, 12, 10), "morning", 2, "booked"), (facts.DoctorId, facts.Date, facts.Session, facts.SequenceNumber, facts.Status));
        Assert.Equal(Reservation(2).VisitTime, facts.VisitTime);
        Assert.Null(await Queue.ReservationFactsAsync("res-missing", CancellationToken.None));
    }

    private async Task CreatePoolWithReservationsAsync(int count)
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(), Now)], CancellationToken.None);
        await Pools.WriteAsync("pool-1", 1, Enumerable.Range(1, count).Select(n => (SlotPoolChange)new ReservationMade(Reservation(n))).ToArray(),
            CancellationToken.None);
    }

    private Task AddPatientAsync(string patientId, string accountId) => Database.ExecuteAsync(
        "INSERT INTO patients (patient_id, account_id, name, resident_id, phone, birth_date, sex, registered_at, version, updated_at) " +
        $"VALUES ('{patientId}', '{accountId}', '张三丰', '11010519491231002X', '13912345678', '1949-12-31', 'male', '2026-11-30 00:00:00', 0, '2026-11-30 00:00:00')");
}

public sealed class SqliteOutboxStorageTests : OutboxStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(Infrastructure.MariaDbCollection.Name)]
public sealed class MariaDbOutboxStorageTests(Infrastructure.MariaDbFixture fixture) : OutboxStorageContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
