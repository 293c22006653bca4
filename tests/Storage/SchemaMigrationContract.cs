using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Tests.Storage;

/// <summary>Schema creation and migration at start-up, on every engine.</summary>
public abstract class SchemaMigrationContract : IAsyncLifetime
{
    /// <summary>The newest script version embedded for both engines.</summary>
    private const int NewestVersion = 41;

    /// <summary>How many scripts are embedded per engine (versions need not be consecutive while branches add theirs).</summary>
    private static readonly int ScriptCount = typeof(BookingStoreFactory).Assembly.GetManifestResourceNames()
        .Count(name => name.StartsWith("OrleansBooking.Silo.Storage.Migrations.sqlite.", StringComparison.Ordinal));

    private TestDatabase? database;

    protected TestDatabase Database => database!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Counts the tables of the current database named <c>name</c>.</summary>
    protected abstract string CountTables(string name);

    public async Task InitializeAsync() => database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [Fact]
    public async Task EmptyDatabaseHasSchemaVersionZero()
    {
        await using var store = BookingStoreFactory.Create(Database.Options);

        Assert.Equal(0, await store.GetSchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MigrationCreatesTheTablesAndRecordsTheVersion()
    {
        await using var store = BookingStoreFactory.Create(Database.Options);

        await store.MigrateAsync(CancellationToken.None);

        Assert.Equal(NewestVersion, await store.GetSchemaVersionAsync(CancellationToken.None));
        foreach (var table in new[] { "pools", "reservations", "audit_log", "schema_version" })
            Assert.True(await Database.ScalarAsync(CountTables(table)) == 1, $"Table {table} should exist after migration.");
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version WHERE version = 1 AND script = '0001_pools_and_reservations.sql'"));
    }

    [Fact]
    public async Task MigratingAgainChangesNothing()
    {
        await using var store = BookingStoreFactory.Create(Database.Options);
        await store.MigrateAsync(CancellationToken.None);
        await Database.ExecuteAsync(
            "INSERT INTO pools (pool_id, doctor_id, visit_date, session, start_time, minutes_per_number, quota, fee, release_at, " +
            "status, version, created_at, updated_at) VALUES ('kept', 'dr', '2026-12-10', 'morning', '08:00:00', 10, 5, 1.00, " +
            "'2026-12-01 00:00:00', 'open', 1, '2026-12-01 00:00:00', '2026-12-01 00:00:00')");

        await store.MigrateAsync(CancellationToken.None);

        Assert.Equal(NewestVersion, await store.GetSchemaVersionAsync(CancellationToken.None));
        Assert.Equal(ScriptCount, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM pools WHERE pool_id = 'kept'"));
    }

    [Fact]
    public async Task SilosMigratingAtOnceAllSucceed()
    {
        // Separate stores: separate connection pools, as separate silos would have.
        var stores = Enumerable.Range(0, 4).Select(_ => BookingStoreFactory.Create(Database.Options)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(CancellationToken.None))));

            Assert.Equal(ScriptCount, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
            foreach (var store in stores) Assert.Equal(NewestVersion, await store.GetSchemaVersionAsync(CancellationToken.None));
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
        }
    }
}
