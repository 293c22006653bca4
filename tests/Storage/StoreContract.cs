using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Tests.Storage;

/// <summary>A migrated booking store on a throw-away database of the engine a derived class names, for contract tests.</summary>
public abstract class StoreContract : IAsyncLifetime
{
    private TestDatabase? database;
    private IBookingStore? store;

    protected FakeTimeProvider Clock { get; } = new(PoolExamples.Now);

    protected TestDatabase Database => database!;

    protected IBookingStore Store => store!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        store = BookingStoreFactory.Create(database.Options, Clock);
        await store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (store is not null) await store.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }
}
