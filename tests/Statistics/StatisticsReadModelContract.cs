using OrleansBooking.Api.Contracts.Statistics;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Statistics;

/// <summary>The statistics read model on every engine, against <see cref="HospitalDataset"/>'s hand-worked figures.</summary>
public abstract class StatisticsReadModelContract : IAsyncLifetime
{
    private TestDatabase? database;
    private IBookingStore? store;
    private IHospitalStatistics? statistics;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        store = BookingStoreFactory.Create(database.Options);
        await store.MigrateAsync(CancellationToken.None);
        await HospitalDataset.WriteAsync(store.SlotPools);
        statistics = HospitalReadModels.Create(database.Options).Statistics;
    }

    public async Task DisposeAsync()
    {
        if (store is not null) await store.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task PerDayInDateOrder()
    {
        var rows = await ReadAsync(StatisticsGrouping.Day);

        Assert.Equal(
        [
            new StatisticsRow("2026-12-10", Rank: 1, Pools: 3, Released: 5, Booked: 5, FillRate: 1.0, Cancellations: 1, NoShows: 0,
                SoldOutPools: 2, AverageSecondsToSellOut: 172.5, FastestSecondsToSellOut: 45),
            new StatisticsRow("2026-12-11", Rank: 2, Pools: 1, Released: 4, Booked: 2, FillRate: 0.5, Cancellations: 1, NoShows: 1,
                SoldOutPools: 0, AverageSecondsToSellOut: null, FastestSecondsToSellOut: null),
        ], rows);
    }

    [Fact]
    public async Task PerDepartmentBusiestFirstWithPoolsWithoutADepartmentTogether()
    {
        var rows = await ReadAsync(StatisticsGrouping.Department);

        Assert.Equal(
        [
            new StatisticsRow("cardiology", Rank: 1, Pools: 2, Released: 7, Booked: 5, FillRate: 0.7143, Cancellations: 1, NoShows: 1,
                SoldOutPools: 1, AverageSecondsToSellOut: 45, FastestSecondsToSellOut: 45),
            new StatisticsRow("dermatology", Rank: 2, Pools: 1, Released: 2, Booked: 2, FillRate: 1.0, Cancellations: 1, NoShows: 0,
                SoldOutPools: 1, AverageSecondsToSellOut: 300, FastestSecondsToSellOut: 300),
            new StatisticsRow(null, Rank: 3, Pools: 1, Released: 0, Booked: 0, FillRate: 0, Cancellations: 0, NoShows: 0,
                SoldOutPools: 0, AverageSecondsToSellOut: null, FastestSecondsToSellOut: null),
        ], rows);
    }

    [Fact]
    public async Task PerDoctorBusiestFirst()
    {
        var rows = await ReadAsync(StatisticsGrouping.Doctor);

        Assert.Equal(["dr-lin", "dr-wang", "dr-zhao"], rows.Select(r => r.Key));
        Assert.Equal([5, 2, 0], rows.Select(r => r.Booked));
        Assert.Equal([7, 2, 0], rows.Select(r => r.Released));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank));
    }

    [Fact]
    public async Task ARangeWithNoPoolsHasNoRows()
    {
        Assert.Empty(await statistics!.ReadAsync(StatisticsGrouping.Day, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), Now, CancellationToken.None));
    }

    private Task<IReadOnlyList<StatisticsRow>> ReadAsync(StatisticsGrouping by) =>
        statistics!.ReadAsync(by, HospitalDataset.From, HospitalDataset.To, Now, CancellationToken.None);
}

public sealed class SqliteStatisticsReadModelTests : StatisticsReadModelContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(Infrastructure.MariaDbCollection.Name)]
public sealed class MariaDbStatisticsReadModelTests(Infrastructure.MariaDbFixture fixture) : StatisticsReadModelContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
