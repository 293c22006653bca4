using OrleansBooking.Tests.Infrastructure;

namespace OrleansBooking.Tests.Storage;

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbSlotPoolStorageTests(MariaDbFixture fixture) : SlotPoolStorageContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbSchemaMigrationTests(MariaDbFixture fixture) : SchemaMigrationContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);

    protected override string CountTables(string name) =>
        $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '{name}'";
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbConventionalEngineTests(MariaDbFixture fixture) : ConventionalEngineContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbAccountStoreTests(MariaDbFixture fixture) : AccountStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
