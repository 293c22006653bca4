using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Tests.Storage;

public sealed class SqliteSlotPoolStorageTests : SlotPoolStorageContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    [Fact]
    public async Task TwoStoresOnOneFileWaitForEachOtherInsteadOfFailing()
    {
        // Two runtimes on one file, each writing its own pools as fast as it can.
        await using var other = BookingStoreFactory.Create(Database.Options, Clock);
        var stores = new[] { Store, other };
        await Task.WhenAll(Enumerable.Range(0, 20).Select(p =>
            stores[p % 2].SlotPools.WriteAsync($"pool-{p}", 0, [new PoolCreated(PoolExamples.Pool($"pool-{p}"), PoolExamples.Now)], CancellationToken.None)));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(p => Task.Run(async () =>
        {
            for (var n = 1; n <= 10; n++)
            {
                var made = new ReservationMade(PoolExamples.Reservation(n, poolId: $"pool-{p}"));
                await stores[(p + n) % 2].SlotPools.WriteAsync($"pool-{p}", n, [made], CancellationToken.None);
            }
        })));

        Assert.Equal(200, await Database.ScalarAsync("SELECT COUNT(*) FROM reservations"));
        Assert.Equal(20, await Database.ScalarAsync("SELECT COUNT(*) FROM pools WHERE version = 11"));
    }

    [Fact]
    public async Task DatabaseFileIsInWalMode()
    {
        await using var connection = await Database.OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}

public sealed class SqliteSchemaMigrationTests : SchemaMigrationContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override string CountTables(string name) => $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{name}'";
}

public sealed class SqliteConventionalEngineTests : ConventionalEngineContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class SqliteAccountStoreTests : AccountStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
