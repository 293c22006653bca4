using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.DoctorsDay;

/// <summary>The doctor's day and the outbox in the database, on every engine; each engine's class derives from this.</summary>
public abstract class DoctorsDayStorageContract : StoreContract
{
    private IChangeStorage<SlotPoolState, SlotPoolChange> Pools => Store.SlotPools;

    [Fact]
    public async Task StatusChangesReadBackAndANoShowReleasesItsNumberAndPatient()
    {
        await CreatePoolWithReservationsAsync(3);

        await WriteAsync(2,
            Move(1, ReservationStatus.Booked, ReservationStatus.CheckedIn),
            Move(1, ReservationStatus.CheckedIn, ReservationStatus.InConsultation),
            Move(2, ReservationStatus.Booked, ReservationStatus.NoShow),
            Move(3, ReservationStatus.Booked, ReservationStatus.CheckedIn));

        var state = (await Pools.ReadAsync("pool-1", CancellationToken.None))!.State;
        Assert.Equal(ReservationStatus.InConsultation, state.FindReservation(Reservation(1).ReservationId)!.Status);
        Assert.Equal(ReservationStatus.NoShow, state.FindReservation(Reservation(2).ReservationId)!.Status);
        Assert.Equal(ReservationStatus.CheckedIn, state.FindReservation(Reservation(3).ReservationId)!.Status);
        Assert.Equal(2, state.Booked);
        Assert.Equal(2, state.NextFreeNumber());
        Assert.Equal(1, await Database.ScalarAsync(
            "SELECT COUNT(*) FROM reservations WHERE status = 'no_show' AND active_sequence IS NULL AND active_patient_id IS NULL"));
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE active_sequence IS NOT NULL"));
    }

    [Fact]
    public async Task ANoShowsNumberCanBeBookedAgain()
    {
        await CreatePoolWithReservationsAsync(2);
        await WriteAsync(2, Move(2, ReservationStatus.Booked, ReservationStatus.NoShow));

        await WriteAsync(3, new ReservationMade(Reservation(2, patientId: "walk-in")));

        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE sequence_number = 2"));
    }

    [Fact]
    public async Task AMoveFromAStatusTheRowIsNotInFailsTheWholeBatch()
    {
        await CreatePoolWithReservationsAsync(1);

        await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(2,
            new ReservationMade(Reservation(2)),
            Move(1, ReservationStatus.CheckedIn, ReservationStatus.InConsultation)));

        Assert.Equal(2, await Database.ScalarAsync("SELECT version FROM pools"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE status = 'booked'"));
    }

    [Fact]
    public async Task StopClinicWritesOneOutboxRowPerPatientInTheBatchThatCancels()
    {
        await CreatePoolWithReservationsAsync(2);
        var cancelledAt = Now.AddHours(2);

        await WriteAsync(2,
            new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.DoctorUnavailable, cancelledAt),
            new ClinicStopNoticeQueued(Notice(1, cancelledAt)),
            new ReservationCancelled(Reservation(2).ReservationId, CancellationReason.DoctorUnavailable, cancelledAt),
            new ClinicStopNoticeQueued(Notice(2, cancelledAt)),
            new PoolStatusChanged(PoolStatus.Cancelled));

        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'clinic_stopped' AND sent_at IS NULL"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE notification_id = 'note-1' AND patient_id = 'patient-1'"));
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE status = 'cancelled'"));
        using var payload = JsonDocument.Parse(await Database.TextAsync("SELECT payload FROM notifications WHERE notification_id = 'note-2'"));
        var root = payload.RootElement;
        Assert.Equal("pool-1", root.GetProperty("poolId").GetString());
        Assert.Equal(Reservation(2).ReservationId, root.GetProperty("reservationId").GetString());
        Assert.Equal("dr-lin", root.GetProperty("doctorId").GetString());
        Assert.Equal("2026-12-10", root.GetProperty("date").GetString());
        Assert.Equal("morning", root.GetProperty("session").GetString());
        Assert.Equal(2, root.GetProperty("sequenceNumber").GetInt32());
        Assert.Equal("Dr. Lin is ill", root.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AFailedStopClinicBatchWritesNeitherCancellationsNorNotices()
    {
        await CreatePoolWithReservationsAsync(1);
        var at = Now.AddHours(2);

        // The second cancellation names a reservation the database does not hold: the batch must fail whole.
        await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(2,
            new ReservationCancelled(Reservation(1).ReservationId, CancellationReason.DoctorUnavailable, at),
            new ClinicStopNoticeQueued(Notice(1, at)),
            new ReservationCancelled("res-missing", CancellationReason.DoctorUnavailable, at),
            new ClinicStopNoticeQueued(Notice(2, at)),
            new PoolStatusChanged(PoolStatus.Cancelled)));

        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'clinic_stopped'"));
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE status = 'cancelled'"));
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM pools WHERE status = 'cancelled'"));
    }

    [Fact]
    public async Task TheGrainsStopClinicReachesTheOutboxThroughRealStorage()
    {
        await using var silo = await GrainHost.StartPoolsAsync(Store.SlotPools, Clock);
        var pool = silo.Pools.GetSlotPool("pool-1");
        await pool.CreateAsync(Pool());
        foreach (var patient in new[] { "patient-a", "patient-b", "patient-c" })
            Assert.IsType<ReserveOutcome.Reserved>(await pool.ReserveAsync(new ReserveRequest(patient)));

        Assert.IsType<StopClinicOutcome.Stopped>(await pool.StopClinicAsync("Dr. Lin is ill"));

        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'clinic_stopped'"));
        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(DISTINCT patient_id) FROM notifications WHERE kind = 'clinic_stopped'"));
        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE cancellation_reason = 'doctor_unavailable'"));
    }

    [Fact]
    public async Task TheConventionalEngineFollowsTheSameDoctorsDay()
    {
        var pool = Store.CreateConventionalEngine(Clock, new SlotPoolRules()).GetSlotPool("pool-1");
        await pool.CreateAsync(Pool());
        var first = Reserved(await pool.ReserveAsync(new ReserveRequest("patient-a")));
        var second = Reserved(await pool.ReserveAsync(new ReserveRequest("patient-b")));
        var third = Reserved(await pool.ReserveAsync(new ReserveRequest("patient-c")));
        // Days before the visit the doctor's day is shut, as on the grain (DoctorsDayHours).
        var early = await pool.ChangeReservationStatusAsync(second.ReservationId, ReservationStatus.CheckedIn);
        var earlyCall = await pool.CallNextAsync();
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.FromHours(8)));
        var noShowTooEarly = await pool.ChangeReservationStatusAsync(third.ReservationId, ReservationStatus.NoShow);

        Assert.IsType<ReservationStatusOutcome.Changed>(await pool.ChangeReservationStatusAsync(second.ReservationId, ReservationStatus.CheckedIn));
        Assert.IsType<ReservationStatusOutcome.Changed>(await pool.ChangeReservationStatusAsync(first.ReservationId, ReservationStatus.CheckedIn));
        var called = Assert.IsType<CallNextOutcome.Called>(await pool.CallNextAsync()).Reservation;
        var invalid = await pool.ChangeReservationStatusAsync(third.ReservationId, ReservationStatus.Completed);
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 13, 30, 0, TimeSpan.FromHours(8)));
        var swept = Assert.IsType<NoShowSweepOutcome.Swept>(await pool.SweepNoShowsAsync(TimeSpan.FromMinutes(30)));

        var checkInOpens = new DateTimeOffset(2026, 12, 10, 7, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new ReservationStatusOutcome.TooEarly(ReservationStatus.CheckedIn, checkInOpens), early);
        Assert.Equal(new CallNextOutcome.OutsideHours(
            new ReservationStatusOutcome.TooEarly(ReservationStatus.InConsultation, checkInOpens.AddHours(1))), earlyCall);
        Assert.Equal(new ReservationStatusOutcome.TooEarly(ReservationStatus.NoShow, checkInOpens.AddHours(6.5)), noShowTooEarly);
        Assert.Equal(first.ReservationId, called.ReservationId);
        Assert.Equal(new ReservationStatusOutcome.InvalidTransition(ReservationStatus.Booked, ReservationStatus.Completed), invalid);
        Assert.Equal([third.ReservationId], swept.NoShows.Select(r => r.ReservationId));
        var snapshot = (await pool.GetSnapshotAsync())!;
        Assert.Equal(PoolStatus.Closed, snapshot.StoredStatus);
        Assert.Equal(2, snapshot.Booked);
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations WHERE status = 'in_consultation'"));
    }

    [Fact]
    public async Task TheConventionalEnginesStopClinicWritesTheOutboxToo()
    {
        var pool = Store.CreateConventionalEngine(Clock, new SlotPoolRules()).GetSlotPool("pool-1");
        await pool.CreateAsync(Pool());
        Reserved(await pool.ReserveAsync(new ReserveRequest("patient-a")));
        Reserved(await pool.ReserveAsync(new ReserveRequest("patient-b")));

        var stopped = Assert.IsType<StopClinicOutcome.Stopped>(await pool.StopClinicAsync("ill"));

        Assert.Equal(2, stopped.Cancelled.Count);
        Assert.Equal(0, stopped.Pool.Booked);
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'clinic_stopped'"));
        Assert.IsType<StopClinicOutcome.AlreadyStopped>(await pool.StopClinicAsync("ill"));
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'clinic_stopped'"));
    }

    [Fact]
    public async Task TheConventionalEnginesPatchToCancelledWritesTheOutboxToo()
    {
        var pool = Store.CreateConventionalEngine(Clock, new SlotPoolRules()).GetSlotPool("pool-1");
        await pool.CreateAsync(Pool());
        Reserved(await pool.ReserveAsync(new ReserveRequest("patient-a")));

        Assert.IsType<ChangePoolOutcome.Changed>(await pool.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Cancelled)));

        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE patient_id = 'patient-a' AND kind = 'clinic_stopped'"));
    }

    private static Reservation Reserved(ReserveOutcome outcome) => Assert.IsType<ReserveOutcome.Reserved>(outcome).Reservation;

    private static ReservationStatusChanged Move(int number, ReservationStatus from, ReservationStatus to) =>
        new(Reservation(number).ReservationId, from, to, Now.AddHours(1));

    private static ClinicStopNotice Notice(int number, DateTimeOffset at) =>
        new($"note-{number}", $"patient-{number}", Reservation(number).ReservationId, "pool-1", "dr-lin", new DateOnly(2026, 12, 10),
            ClinicSession.Morning, number, Reservation(number).VisitTime, "Dr. Lin is ill", at);

    private async Task CreatePoolWithReservationsAsync(int count)
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(), Now)], CancellationToken.None);
        await WriteAsync(1, Enumerable.Range(1, count).Select(n => (SlotPoolChange)new ReservationMade(Reservation(n))).ToArray());
    }

    private Task WriteAsync(long expectedVersion, params SlotPoolChange[] changes) =>
        Pools.WriteAsync("pool-1", expectedVersion, changes, CancellationToken.None);

}

public sealed class SqliteDoctorsDayStorageTests : DoctorsDayStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(Infrastructure.MariaDbCollection.Name)]
public sealed class MariaDbDoctorsDayStorageTests(Infrastructure.MariaDbFixture fixture) : DoctorsDayStorageContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
