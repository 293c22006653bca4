using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Catalogue.CatalogueExamples;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>The catalogue's rows, on every engine: what is written reads back the same.</summary>
public abstract class CatalogueStoreContract : IAsyncLifetime
{
    private CatalogueHarness? harness;

    protected CatalogueHarness Harness => harness!;

    private ICatalogueStore Store => Harness.Store;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => harness = await CatalogueHarness.StartAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (harness is not null) await harness.DisposeAsync();
    }

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task AFreshDatabaseIsEmptyAndLoadsAnEmptyCatalogue()
    {
        Assert.True(await Store.IsEmptyAsync(None));
        var catalogue = await Store.LoadAsync(None);
        Assert.Equal((0, 0), (catalogue.Departments.Count, catalogue.Doctors.Count));
    }

    [Fact]
    public async Task DepartmentsAndDoctorsReadBackAsWritten()
    {
        var department = Cardiology(new ReleaseRule(3, new TimeOnly(7, 30), new Grains.Lottery.LotteryWindow(TimeSpan.FromMinutes(15))));
        var doctor = DrLi(DoctorTitle.AssociateChief);
        Assert.True(await Store.AddDepartmentAsync(department, None));
        Assert.True(await Store.AddDoctorAsync(doctor, None));

        var catalogue = await Store.LoadAsync(None);

        Assert.Equal(department, Assert.Single(catalogue.Departments));
        var read = Assert.Single(catalogue.Doctors);
        Assert.Equal(doctor with { Specialties = [] }, read with { Specialties = [] });
        Assert.Equal(["hypertension", "arrhythmia"], read.Specialties);
        Assert.False(await Store.IsEmptyAsync(None));
    }

    [Fact]
    public async Task AddingAnExistingIdAnswersFalseAndKeepsTheFirst()
    {
        await Harness.AddDrLiAsync();

        Assert.False(await Store.AddDepartmentAsync(Cardiology() with { Name = "Other" }, None));
        Assert.False(await Store.AddDoctorAsync(DrLi() with { Name = "Other" }, None));

        var catalogue = await Store.LoadAsync(None);
        Assert.Equal(("Cardiology", "Li Wei"), (catalogue.Departments[0].Name, catalogue.Doctors[0].Name));
    }

    [Fact]
    public async Task UpdatesChangeEveryFieldAndAnswerFalseForUnknownIds()
    {
        await Harness.AddDrLiAsync();
        var department = Cardiology() with { Name = "Heart Centre", Description = "", Location = "B", ReleaseRule = new ReleaseRule(0, new TimeOnly(0, 0)), Active = false };
        var doctor = DrLi() with { Name = "Li W.", Title = DoctorTitle.Chief, Specialties = [], Bio = "", Active = false };

        Assert.True(await Store.UpdateDepartmentAsync(department, None));
        Assert.True(await Store.UpdateDoctorAsync(doctor, None));
        Assert.False(await Store.UpdateDepartmentAsync(department with { DepartmentId = "nowhere" }, None));
        Assert.False(await Store.UpdateDoctorAsync(doctor with { DoctorId = "nobody" }, None));

        var catalogue = await Store.LoadAsync(None);
        Assert.Equal(department, catalogue.Departments[0]);
        Assert.Equal(doctor with { Specialties = [] }, catalogue.Doctors[0] with { Specialties = [] });
        Assert.Empty(catalogue.Doctors[0].Specialties);
    }

    [Fact]
    public async Task AWeeklyTemplateIsReplacedWhole()
    {
        await Harness.AddDrLiAsync();
        Assert.Equal(Weekly(), (await Store.LoadAsync(None)).ScheduleOf("dr-li").Weekly);

        IReadOnlyList<WeeklySession> friday = [new(DayOfWeek.Friday, ClinicSession.Evening, new TimeOnly(18, 0), 6, 10, 12.5m)];
        await Store.ReplaceWeeklyScheduleAsync("dr-li", friday, None);
        Assert.Equal(friday, (await Store.LoadAsync(None)).ScheduleOf("dr-li").Weekly);

        await Store.ReplaceWeeklyScheduleAsync("dr-li", [], None);
        Assert.Empty((await Store.LoadAsync(None)).ScheduleOf("dr-li").Weekly);
    }

    [Fact]
    public async Task ExceptionsReadBackAndCanBeRemovedOnce()
    {
        await Harness.AddDrLiAsync();
        var leave = Leave(Monday.AddDays(2));
        var extra = Extra(Monday.AddDays(1), ClinicSession.Evening) with { Fee = 45.5m };
        await Store.AddScheduleExceptionAsync(leave, None);
        await Store.AddScheduleExceptionAsync(extra, None);

        Assert.Equal([extra, leave], (await Store.LoadAsync(None)).ScheduleOf("dr-li").Exceptions);

        Assert.True(await Store.RemoveScheduleExceptionAsync("dr-li", leave.ExceptionId, None));
        Assert.False(await Store.RemoveScheduleExceptionAsync("dr-li", leave.ExceptionId, None));
        Assert.Equal([extra], (await Store.LoadAsync(None)).ScheduleOf("dr-li").Exceptions);
    }

    [Fact]
    public async Task ExceptionsLongPastAreNotLoaded()
    {
        await Harness.AddDrLiAsync();
        await Store.AddScheduleExceptionAsync(Leave(Monday.AddDays(-10)), None);

        Assert.Empty((await Store.LoadAsync(None)).ScheduleOf("dr-li").Exceptions);
    }

    [Fact]
    public async Task PoolsKeepTheirDepartmentAndAreListedByDateAndDoctor()
    {
        var inWindow = new PoolDefinition("p-1", "dr-li", Monday.AddDays(1), ClinicSession.Morning, new TimeOnly(8, 0), 10, 30, 60m, MondayEight, "cardiology");
        var otherDoctor = inWindow with { PoolId = "p-2", DoctorId = "dr-wang", DepartmentId = null };
        var later = inWindow with { PoolId = "p-3", Date = Monday.AddDays(9) };
        foreach (var pool in new[] { inWindow, otherDoctor, later })
            Assert.IsType<CreatePoolOutcome.Created>(await Harness.Pools.GetSlotPool(pool.PoolId).CreateAsync(pool));

        Assert.Equal(
            [new StoredPoolSummary("p-1", "dr-li", Monday.AddDays(1), ClinicSession.Morning, 30), new StoredPoolSummary("p-2", "dr-wang", Monday.AddDays(1), ClinicSession.Morning, 30)],
            await Store.ListPoolsAsync(null, Monday, Monday.AddDays(7), None));
        Assert.Equal(["p-1", "p-3"], (await Store.ListPoolsAsync(["dr-li"], Monday, Monday.AddDays(9), None)).Select(p => p.PoolId));
        Assert.Empty(await Store.ListPoolsAsync([], Monday, Monday.AddDays(9), None));

        // Read back through a fresh activation: the department survives the database.
        await using var again = await CatalogueHarness.StartAsync(new BorrowedDatabase(Harness.Database));
        Assert.Equal("cardiology", (await again.Pools.GetSlotPool("p-1").GetSnapshotAsync())!.Definition.DepartmentId);
        Assert.Null((await again.Pools.GetSlotPool("p-2").GetSnapshotAsync())!.Definition.DepartmentId);
    }

    /// <summary>The same database for a second harness, which must not delete it.</summary>
    private sealed class BorrowedDatabase(TestDatabase inner) : TestDatabase
    {
        public override OrleansBooking.Silo.Storage.StorageOptions Options => inner.Options;

        public override Task<System.Data.Common.DbConnection> OpenRawAsync() => inner.OpenRawAsync();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class SqliteCatalogueStoreTests : CatalogueStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(OrleansBooking.Tests.Infrastructure.MariaDbCollection.Name)]
public sealed class MariaDbCatalogueStoreTests(OrleansBooking.Tests.Infrastructure.MariaDbFixture fixture) : CatalogueStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
