using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Patients;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Patients;

/// <summary>What the patients' storage must do on every engine; each engine's test class derives from this.</summary>
public abstract partial class PatientStorageContract : IAsyncLifetime
{
    private TestDatabase? database;
    private IBookingStore? bookings;
    private PatientStore? patients;

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected TestDatabase Database => database!;

    private IPatientDirectory Directory => patients!.Directory;

    private IChangeStorage<PatientState, PatientChange> Storage => patients!.Storage;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        bookings = BookingStoreFactory.Create(database.Options, Clock);
        await bookings.MigrateAsync(CancellationToken.None);
        patients = PatientStore.Create(database.Options, Clock);
    }

    public async Task DisposeAsync()
    {
        if (bookings is not null) await bookings.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> persons = new(StringComparer.Ordinal);

    /// <summary>Patient <paramref name="patientId"/>: a person of their own unless <paramref name="residentId"/> says whose ID it is.</summary>
    private PatientProfile Profile(string patientId = "pt-1", string accountId = "acct-1", string? residentId = null) =>
        new(patientId, accountId, "张三", residentId ?? persons.GetOrAdd(patientId, _ => Api.RegisteredPatients.NewResidentId()), "13912345678",
            new DateOnly(1949, 12, 31), Sex.Female, Now);

    [Fact]
    public async Task APersonIsOnePatientHospitalWide()
    {
        var person = Profile("pt-1").ResidentId;
        await Directory.RegisterAsync(Profile("pt-1"), 5, CancellationToken.None);

        Assert.Equal(new RegisterOutcome.PatientExists("pt-1"), await Directory.RegisterAsync(Profile("pt-2", residentId: person), 5, CancellationToken.None));
        Assert.Equal(new RegisterOutcome.PersonOnFile(new PatientOnFile("pt-1", "acct-1", "13912345678", Removed: false)),
            await Directory.RegisterAsync(Profile("pt-3", "acct-2", residentId: person), 5, CancellationToken.None));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM patients"));
        Assert.Equal(0, await Directory.RegisterManyAsync([Profile("bulk-1", "acct-3", residentId: person)], CancellationToken.None));
    }

    [Fact]
    public async Task ARemovedPatientIsNobodysButStaysOnFileUntilAttached()
    {
        await Directory.RegisterAsync(Profile("pt-1"), 5, CancellationToken.None);

        await patients!.Records.RemoveAsync("pt-1", Now, CancellationToken.None);

        Assert.Null(await Directory.FindAsync("pt-1", CancellationToken.None));
        Assert.Null(await patients.Records.FindProfileAsync("pt-1", CancellationToken.None));
        Assert.Empty(await Directory.ListByAccountAsync("acct-1", CancellationToken.None));
        Assert.True((await Directory.FindOnFileAsync(Profile("pt-1").ResidentId, CancellationToken.None))!.Removed);
        Assert.True((await Storage.ReadAsync("pt-1", CancellationToken.None))!.State.Removed);
        Assert.IsType<RegisterOutcome.PersonOnFile>(await Directory.RegisterAsync(Profile("pt-2", residentId: Profile("pt-1").ResidentId), 5, CancellationToken.None));

        Assert.True(await patients.Records.AttachAsync("pt-1", "acct-2", 5, CancellationToken.None));

        Assert.Equal("acct-2", (await Directory.FindAsync("pt-1", CancellationToken.None))!.Profile.AccountId);
    }

    [Fact]
    public async Task AnAttachStopsAtTheAccountsCapAndAnEditIsStored()
    {
        await Directory.RegisterAsync(Profile("pt-1"), 5, CancellationToken.None);
        await Directory.RegisterAsync(Profile("pt-2", "acct-2"), 5, CancellationToken.None);

        Assert.False(await patients!.Records.AttachAsync("pt-1", "acct-2", 1, CancellationToken.None));
        await patients.Records.SaveDetailsAsync("pt-1", "张三丰", "15012345678", CancellationToken.None);

        var record = (await Directory.FindAsync("pt-1", CancellationToken.None))!.Profile;
        Assert.Equal(("acct-1", "张三丰", "15012345678"), (record.AccountId, record.Name, record.Phone));
    }

    [Fact]
    public async Task ARegisteredProfileReadsBackExactlyAtVersionZero()
    {
        Assert.IsType<RegisterOutcome.Registered>(await Directory.RegisterAsync(Profile(), 5, CancellationToken.None));

        Assert.Equal(new PatientRecord(Profile(), null), await Directory.FindAsync("pt-1", CancellationToken.None));
        var stored = await Storage.ReadAsync("pt-1", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((0L, Profile()), (stored.Version, stored.State.Profile));
        Assert.Equal(Profile(), await patients!.Records.FindProfileAsync("pt-1", CancellationToken.None));
    }

    [Fact]
    public async Task AnUnregisteredPatientReadsAsNothing()
    {
        Assert.Null(await Storage.ReadAsync("pt-1", CancellationToken.None));
        Assert.Null(await Directory.FindAsync("pt-1", CancellationToken.None));
        Assert.Null(await patients!.Records.FindProfileAsync("pt-1", CancellationToken.None));
    }

    [Fact]
    public async Task ManyPatientsLoadingAtOnceEachGetTheirOwnProfile()
    {
        var ids = Enumerable.Range(1, 40).Select(i => $"pt-{i}").ToList();
        foreach (var id in ids) await Directory.RegisterAsync(Profile(id, $"acct-{id}"), 5, CancellationToken.None);

        // Loads asked for together are served by shared batch reads; each must still get its own row.
        var loads = await Task.WhenAll([.. ids.Select(id => Storage.ReadAsync(id, CancellationToken.None)), Storage.ReadAsync("pt-unknown", CancellationToken.None)]);

        for (var i = 0; i < ids.Count; i++) Assert.Equal(Profile(ids[i], $"acct-{ids[i]}"), loads[i]!.State.Profile);
        Assert.Null(loads[^1]);
    }

    [Fact]
    public async Task ATakenIdAndAFullAccountAreRefused()
    {
        await Directory.RegisterAsync(Profile("pt-1"), 2, CancellationToken.None);
        await Directory.RegisterAsync(Profile("pt-2"), 2, CancellationToken.None);

        Assert.Equal(new RegisterOutcome.AccountFull(2), await Directory.RegisterAsync(Profile("pt-3"), 2, CancellationToken.None));
        Assert.Equal(new RegisterOutcome.PatientExists("pt-1"),
            await Directory.RegisterAsync(Profile("pt-1", accountId: "acct-2", residentId: Api.RegisteredPatients.NewResidentId()), 2, CancellationToken.None));
        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    [Fact]
    public async Task RegistrationsRacingForOneAccountNeverPassTheCap()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            Task.Run(() => Directory.RegisterAsync(Profile($"pt-{n}"), 5, CancellationToken.None))));

        Assert.Equal(5, outcomes.Count(o => o is RegisterOutcome.Registered));
        Assert.Equal(5, await Database.ScalarAsync("SELECT COUNT(*) FROM patients WHERE account_id = 'acct-1'"));
    }

    [Fact]
    public async Task ListingAnAccountGivesItsPatientsInRegistrationOrder()
    {
        await Directory.RegisterAsync(Profile("pt-b") with { RegisteredAt = Now.AddSeconds(1) }, 5, CancellationToken.None);
        await Directory.RegisterAsync(Profile("pt-a") with { RegisteredAt = Now.AddSeconds(2) }, 5, CancellationToken.None);
        await Directory.RegisterAsync(Profile("pt-c", accountId: "acct-2"), 5, CancellationToken.None);

        var listed = await Directory.ListByAccountAsync("acct-1", CancellationToken.None);

        Assert.Equal(["pt-b", "pt-a"], listed.Select(r => r.Profile.PatientId));
    }

    [Fact]
    public async Task BulkRegistrationSkipsIdsThatExist()
    {
        var first = Enumerable.Range(0, 250).Select(n => Profile($"bulk-{n}", $"acct-{n}")).ToList();
        var overlapping = Enumerable.Range(200, 100).Select(n => Profile($"bulk-{n}", $"acct-{n}")).ToList();

        Assert.Equal(250, await Directory.RegisterManyAsync(first, CancellationToken.None));
        Assert.Equal(50, await Directory.RegisterManyAsync(overlapping, CancellationToken.None));
        Assert.Equal(300, await Database.ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    [Fact]
    public async Task NoShowsAndASuspensionWriteAndReadBack()
    {
        await Directory.RegisterAsync(Profile(), 5, CancellationToken.None);
        var until = Now.AddDays(90);

        await Storage.WriteAsync("pt-1", 0,
            [new NoShowRecorded("r1", Now.AddDays(-2)), new NoShowRecorded("r2", Now.AddDays(-1)), new NoShowRecorded("r3", Now), new BookingSuspended(Now, until)],
            CancellationToken.None);

        var stored = await Storage.ReadAsync("pt-1", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(["r1", "r2", "r3"], stored.State.NoShows.OrderBy(n => n.At).Select(n => n.ReservationId));
        Assert.Equal(new Suspension(Now, until), stored.State.Suspension);
        Assert.Equal(new Suspension(Now, until), (await Directory.FindAsync("pt-1", CancellationToken.None))?.Suspension);
    }

    [Fact]
    public async Task AWithdrawnNoShowIsGoneOnReadBackAndTheOthersStay()
    {
        await Directory.RegisterAsync(Profile(), 5, CancellationToken.None);
        await Storage.WriteAsync("pt-1", 0, [new NoShowRecorded("r1", Now.AddDays(-1)), new NoShowRecorded("r2", Now)], CancellationToken.None);

        await Storage.WriteAsync("pt-1", 1, [new NoShowWithdrawn("r1"), new NoShowRecorded("r3", Now), new NoShowWithdrawn("r3")], CancellationToken.None);

        var stored = await Storage.ReadAsync("pt-1", CancellationToken.None);
        Assert.Equal(["r2"], stored!.State.NoShows.Select(n => n.ReservationId));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM patient_no_shows WHERE patient_id = 'pt-1'"));
    }

    [Fact]
    public async Task ALiftKeepsTheStartAndEndsTheSuspension()
    {
        await Directory.RegisterAsync(Profile(), 5, CancellationToken.None);
        await Storage.WriteAsync("pt-1", 0, [new BookingSuspended(Now, Now.AddDays(90))], CancellationToken.None);

        await Storage.WriteAsync("pt-1", 1, [new SuspensionLifted(Now.AddDays(3))], CancellationToken.None);

        var stored = await Storage.ReadAsync("pt-1", CancellationToken.None);
        Assert.Equal((2L, new Suspension(Now, Now.AddDays(3))), (stored!.Version, stored.State.Suspension));
    }

    [Fact]
    public async Task AWriteFromAStaleVersionIsAConflictAndWritesNothing()
    {
        await Directory.RegisterAsync(Profile(), 5, CancellationToken.None);
        await Storage.WriteAsync("pt-1", 0, [new NoShowRecorded("r1", Now)], CancellationToken.None);

        await Assert.ThrowsAsync<StorageVersionConflictException>(() =>
            Storage.WriteAsync("pt-1", 0, [new NoShowRecorded("r2", Now)], CancellationToken.None));

        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM patient_no_shows"));
    }

    private async Task CreatePoolWithAsync(PoolDefinition pool, params SlotPoolChange[] changes) =>
        await bookings!.SlotPools.WriteAsync(pool.PoolId, 0, [new PoolCreated(pool, Now), .. changes], CancellationToken.None);

    [Fact]
    public async Task BookingsAreReadFromTheReservationsWithTheirPoolsDayAndDepartment()
    {
        var cardiology = Pool("pool-c") with { DepartmentId = "cardiology" };
        var plain = Pool("pool-p") with { Date = new DateOnly(2026, 12, 11) };
        await CreatePoolWithAsync(cardiology, new ReservationMade(Reservation(1, "pt-1", "pool-c", idempotencyKey: "k1")),
            new ReservationMade(Reservation(2, "pt-2", "pool-c")));
        await CreatePoolWithAsync(plain, new ReservationMade(Reservation(1, "pt-1", "pool-p")),
            new ReservationCancelled($"res-pool-p-1-pt-1", CancellationReason.PatientRequest, Now.AddHours(1)));

        var visits = await patients!.Records.ReadBookingsAsync("pt-1", CancellationToken.None);

        Assert.Equal(
            [
                new BookedVisit("res-pool-c-1-pt-1", "pool-c", new DateOnly(2026, 12, 10), "cardiology", "k1", ReservationStatus.Booked),
                new BookedVisit("res-pool-p-1-pt-1", "pool-p", new DateOnly(2026, 12, 11), null, null, ReservationStatus.Cancelled),
            ],
            visits.Visits.OrderBy(v => v.PoolId));
    }

    [Fact]
    public async Task TheGrainsStateCarriesItsBookingsAndNoShows()
    {
        await Directory.RegisterAsync(Profile(), 5, CancellationToken.None);
        await CreatePoolWithAsync(Pool("pool-c") with { DepartmentId = "cardiology" },
            new ReservationMade(Reservation(1, "pt-1", "pool-c")), new ReservationMade(Reservation(2, "pt-2", "pool-c")));
        await CreatePoolWithAsync(Pool("pool-d"), new ReservationMade(Reservation(1, "pt-1", "pool-d")));
        await Storage.WriteAsync("pt-1", 0, [new NoShowRecorded("r1", Now)], CancellationToken.None);

        var stored = await Storage.ReadAsync("pt-1", CancellationToken.None);

        Assert.Equal(["pool-c", "pool-d"], stored!.State.LoadedBookings.Visits.Select(v => v.PoolId).Order(StringComparer.Ordinal));
        Assert.Equal("cardiology", stored.State.LoadedBookings.Visits.Single(v => v.PoolId == "pool-c").DepartmentId);
        Assert.Equal([new NoShow("r1", Now)], stored.State.NoShows);
    }

    [Fact]
    public async Task AppointmentsSplitIntoUpcomingAndPast()
    {
        await CreatePoolWithAsync(Pool("pool-early") with { Date = new DateOnly(2026, 12, 9) },
            new ReservationMade(Reservation(1, "pt-1", "pool-early")));
        await CreatePoolWithAsync(Pool("pool-late"), new ReservationMade(Reservation(1, "pt-1", "pool-late")));
        await CreatePoolWithAsync(Pool("pool-gone"), new ReservationMade(Reservation(2, "pt-1", "pool-gone")),
            new ReservationCancelled("res-pool-gone-2-pt-1", CancellationReason.PatientRequest, Now.AddHours(1)));

        var upcoming = await Directory.ListAppointmentsAsync("pt-1", AppointmentScope.Upcoming, new DateOnly(2026, 12, 10), CancellationToken.None);
        var past = await Directory.ListAppointmentsAsync("pt-1", AppointmentScope.Past, new DateOnly(2026, 12, 10), CancellationToken.None);

        var late = Assert.Single(upcoming);
        Assert.Equal((Reservation(1, "pt-1", "pool-late"), "dr-lin", new DateOnly(2026, 12, 10), ClinicSession.Morning),
            (late.Reservation, late.DoctorId, late.VisitDate, late.Session));
        Assert.Equal(["res-pool-gone-2-pt-1", "res-pool-early-1-pt-1"], past.Select(a => a.Reservation.ReservationId));
    }

    [Fact]
    public async Task StaffFindAPatientByResidentIdPhoneIdOrTheStartOfTheName()
    {
        PatientProfile Person(string id, string name, string phone) =>
            new(id, "acct-search", name, Api.RegisteredPatients.NewResidentId(), phone, new DateOnly(1949, 12, 31), Sex.Female, Now);
        var zhang = Person("pt-zhang", "张三", "13911110001");
        var zhangWei = Person("pt-zhangwei", "张伟", "13911110002");
        var wildcard = Person("pt-wild", "A_%!b", "13911110003");
        var removed = Person("pt-gone", "张四", "13911110004");
        foreach (var p in new[] { zhang, zhangWei, wildcard, removed }) await Directory.RegisterAsync(p, 5, CancellationToken.None);
        await patients!.Records.RemoveAsync("pt-gone", Now, CancellationToken.None);

        async Task<string[]> Found(PatientSearchBy by, string text, int limit = 10) =>
            (await Directory.SearchAsync(new PatientSearch(by, text), limit, CancellationToken.None)).Select(r => r.Profile.PatientId).ToArray();

        Assert.Equal(["pt-zhang", "pt-zhangwei"], await Found(PatientSearchBy.IdOrName, "张"));
        Assert.Equal(["pt-zhang"], await Found(PatientSearchBy.IdOrName, "张", limit: 1));
        Assert.Equal(["pt-zhangwei"], await Found(PatientSearchBy.IdOrName, "pt-zhangwei"));
        Assert.Equal(["pt-zhang"], await Found(PatientSearchBy.ResidentId, zhang.ResidentId));
        Assert.Equal(["pt-zhangwei"], await Found(PatientSearchBy.Phone, "13911110002"));
        // LIKE's wildcards are only themselves: "A_" finds "A_%!b", "A%" and "_" find nobody.
        Assert.Equal(["pt-wild"], await Found(PatientSearchBy.IdOrName, "A_%!"));
        Assert.Empty(await Found(PatientSearchBy.IdOrName, "A%"));
        Assert.Empty(await Found(PatientSearchBy.IdOrName, "_"));
        // A patient no account manages any more is not among the hospital's patients to look up.
        Assert.Empty(await Found(PatientSearchBy.Phone, "13911110004"));
    }
}

public sealed class SqlitePatientStorageTests : PatientStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(Infrastructure.MariaDbCollection.Name)]
public sealed class MariaDbPatientStorageTests(Infrastructure.MariaDbFixture fixture) : PatientStorageContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
