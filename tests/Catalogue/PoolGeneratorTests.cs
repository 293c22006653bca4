using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Catalogue.CatalogueExamples;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>The generator over a real database and the actor engine, on Monday 30 Nov 2026 at 08:00 in Shanghai.</summary>
public abstract class PoolGeneratorContract : IAsyncLifetime
{
    // Monday's morning starts at 08:00 (now), so it is left out; the rest of the week's template is in.
    private static readonly string[] WindowPools =
        ["dr-li-20261130-afternoon", "dr-li-20261202-morning", "dr-li-20261207-afternoon", "dr-li-20261207-morning"];

    private CatalogueHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await CatalogueHarness.StartAsync(await CreateDatabaseAsync());
        await harness.AddDrLiAsync();
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private Task<GenerationReport> RunAsync() => harness.Generator.RunAsync(CancellationToken.None);

    private async Task<string[]> StoredPoolIdsAsync() =>
        (await harness.Store.ListPoolsAsync(null, Monday.AddDays(-30), Monday.AddDays(30), CancellationToken.None))
        .Select(p => p.PoolId).Order(StringComparer.Ordinal).ToArray();

    private async Task SetAfternoonQuotaAsync(int quota)
    {
        var weekly = Weekly().Select(l => l.Session == ClinicSession.Afternoon ? l with { Quota = quota } : l).ToList();
        await harness.Store.ReplaceWeeklyScheduleAsync("dr-li", weekly, CancellationToken.None);
    }

    [Fact]
    public async Task TheFirstRunCreatesTheWindowsPoolsWithTheirDepartmentAndRelease()
    {
        var report = await RunAsync();

        Assert.Equal(new GenerationReport(Monday, Monday.AddDays(7), 4, 4, 0, 0), report);
        Assert.Equal(WindowPools, await StoredPoolIdsAsync());
        var wednesday = (await harness.Pools.GetSlotPool("dr-li-20261202-morning").GetSnapshotAsync())!;
        Assert.Equal(("cardiology", 12, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)),
            (wednesday.Definition.DepartmentId, wednesday.Quota, wednesday.Definition.ReleaseAt));
    }

    [Fact]
    public async Task RunningTwiceCreatesNothingTwiceAndWritesNothing()
    {
        await RunAsync();

        var second = await RunAsync();

        Assert.Equal(new GenerationReport(Monday, Monday.AddDays(7), 4, 0, 0, 4), second);
        Assert.Equal(WindowPools, await StoredPoolIdsAsync());
        Assert.Equal(4, await harness.Database.ScalarAsync("SELECT COUNT(*) FROM pools WHERE version = 1"));
    }

    [Fact]
    public async Task AGrownQuotaIsAddedToAPoolWithReservationsWhichKeepsThem()
    {
        await RunAsync();
        var afternoon = harness.Pools.GetSlotPool("dr-li-20261130-afternoon");
        var reserved = Assert.IsType<ReserveOutcome.Reserved>(await afternoon.ReserveAsync(new ReserveRequest("patient-1")));
        await SetAfternoonQuotaAsync(25);

        var report = await RunAsync();

        Assert.Equal((0, 2, 2), (report.Created, report.QuotaRaised, report.Unchanged));
        var snapshot = (await afternoon.GetSnapshotAsync())!;
        Assert.Equal((25, 1), (snapshot.Quota, snapshot.Booked));
        Assert.Equal(reserved.Reservation, await afternoon.GetReservationAsync(reserved.Reservation.ReservationId));
        Assert.Equal(25, await harness.Database.ScalarAsync("SELECT quota FROM pools WHERE pool_id = 'dr-li-20261207-afternoon'"));
    }

    [Fact]
    public async Task AShrunkQuotaNeverLowersAnExistingPool()
    {
        await RunAsync();
        await SetAfternoonQuotaAsync(5);

        var report = await RunAsync();

        Assert.Equal((0, 0, 4), (report.Created, report.QuotaRaised, report.Unchanged));
        Assert.Equal(20, (await harness.Pools.GetSlotPool("dr-li-20261130-afternoon").GetSnapshotAsync())!.Quota);
    }

    [Fact]
    public async Task AStoppedClinicIsNotGivenQuotaOrRecreated()
    {
        await RunAsync();
        var afternoon = harness.Pools.GetSlotPool("dr-li-20261130-afternoon");
        Assert.IsType<ChangePoolOutcome.Changed>(await afternoon.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Cancelled)));
        await SetAfternoonQuotaAsync(25);

        var report = await RunAsync();

        Assert.Equal((0, 1, 3), (report.Created, report.QuotaRaised, report.Unchanged));
        var snapshot = (await afternoon.GetSnapshotAsync())!;
        Assert.Equal((20, PoolStatus.Cancelled), (snapshot.Quota, snapshot.StoredStatus));
    }

    [Fact]
    public async Task APoolMadeByHandUnderTheSameIdIsLeftAsItIs()
    {
        var byHand = new PoolDefinition("dr-li-20261202-morning", "dr-li", Monday.AddDays(2), ClinicSession.Morning, new TimeOnly(10, 0), 5, 40, 1m, MondayEight);
        Assert.IsType<CreatePoolOutcome.Created>(await harness.Pools.GetSlotPool(byHand.PoolId).CreateAsync(byHand));

        var report = await RunAsync();

        Assert.Equal((3, 0, 1), (report.Created, report.QuotaRaised, report.Unchanged));
        Assert.Equal(byHand, (await harness.Pools.GetSlotPool(byHand.PoolId).GetSnapshotAsync())!.Definition);
    }

    [Fact]
    public async Task InactiveDoctorsAndDepartmentsGetNoPools()
    {
        await harness.Store.UpdateDoctorAsync(DrLi() with { Active = false }, CancellationToken.None);
        Assert.Equal(0, (await RunAsync()).Planned);

        await harness.Store.UpdateDoctorAsync(DrLi(), CancellationToken.None);
        await harness.Store.UpdateDepartmentAsync(Cardiology() with { Active = false }, CancellationToken.None);
        Assert.Equal(0, (await RunAsync()).Planned);
        Assert.Empty(await StoredPoolIdsAsync());
    }

    [Fact]
    public async Task LeavesAndExtraSessionsShapeTheGeneratedPools()
    {
        await harness.Store.AddScheduleExceptionAsync(Leave(Monday.AddDays(2)), CancellationToken.None);
        await harness.Store.AddScheduleExceptionAsync(Extra(Monday.AddDays(1), ClinicSession.Evening), CancellationToken.None);

        await RunAsync();

        Assert.Equal(["dr-li-20261130-afternoon", "dr-li-20261201-evening", "dr-li-20261207-afternoon", "dr-li-20261207-morning"],
            await StoredPoolIdsAsync());
    }
}

public sealed class SqlitePoolGeneratorTests : PoolGeneratorContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(OrleansBooking.Tests.Infrastructure.MariaDbCollection.Name)]
public sealed class MariaDbPoolGeneratorTests(OrleansBooking.Tests.Infrastructure.MariaDbFixture fixture) : PoolGeneratorContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
