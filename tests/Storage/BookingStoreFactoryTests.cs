using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Tests.Storage;

public sealed class BookingStoreFactoryTests
{
    [Fact]
    public async Task SqliteIsTheDefault()
    {
        await using var store = BookingStoreFactory.Create(new StorageOptions());

        Assert.Equal(StorageOptions.Sqlite, store.Engine);
    }

    [Fact]
    public async Task ProviderNameIgnoresCaseAndSpaces()
    {
        await using var store = BookingStoreFactory.Create(new StorageOptions { Provider = " MySQL ", ConnectionString = "Server=127.0.0.1;Database=x" });

        Assert.Equal(StorageOptions.MySql, store.Engine);
    }

    [Fact]
    public void MySqlWithoutConnectionStringNamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => BookingStoreFactory.Create(new StorageOptions { Provider = "mysql" }));

        Assert.Contains("Storage:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProviderNamesTheOptionAndTheValue()
    {
        var error = Assert.Throws<ArgumentException>(() => BookingStoreFactory.Create(new StorageOptions { Provider = "postgres" }));

        Assert.Contains("Storage:Provider 'postgres' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedConnectionStringNamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(
            () => BookingStoreFactory.Create(new StorageOptions { Provider = "sqlite", ConnectionString = "Colour=blue" }));

        Assert.Contains("Storage:ConnectionString is not a valid sqlite connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatorReportsTheSameProblemsForOptionsBinding()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "oracle" });

        Assert.True(result.Failed, "An unknown provider should fail validation.");
        Assert.Contains("Storage:Provider 'oracle'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingIsFalseWhenTheDatabaseCannotBeOpened()
    {
        await using var store = BookingStoreFactory.Create(new StorageOptions { ConnectionString = "Data Source=/nonexistent-directory/booking.db" });

        Assert.False(await store.PingAsync(CancellationToken.None), "A database file in a missing directory cannot answer.");
    }
}
