using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Infrastructure;

namespace OrleansBooking.Tests.Storage;

/// <summary>A fresh, empty database of one engine for one test, and a raw connection to look at its rows.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract StorageOptions Options { get; }

    /// <summary>An open connection that bypasses the store, for checking rows and breaking rules on purpose.</summary>
    public abstract Task<DbConnection> OpenRawAsync();

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task<string> TextAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync()) ?? "";
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public abstract ValueTask DisposeAsync();
}

/// <summary>A SQLite file in its own temporary directory, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string directory = Directory.CreateTempSubdirectory("orleansbooking-sqlite-").FullName;

    public string FilePath => Path.Combine(directory, "booking.db");

    public override StorageOptions Options => new() { Provider = StorageOptions.Sqlite, ConnectionString = $"Data Source={FilePath}" };

    public override async Task<DbConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A new database on the shared private MariaDB server of the "mariadb" collection.</summary>
public sealed class MariaDbTestDatabase : TestDatabase
{
    private readonly string connectionString;

    private MariaDbTestDatabase(string connectionString) => this.connectionString = connectionString;

    public static async Task<MariaDbTestDatabase> CreateAsync(MariaDbFixture fixture) => new(await fixture.Server.CreateDatabaseAsync());

    /// <summary>An existing database, e.g. the one a cluster of silo processes shares.</summary>
    public static MariaDbTestDatabase Existing(string connectionString) => new(connectionString);

    public override StorageOptions Options => new() { Provider = StorageOptions.MySql, ConnectionString = connectionString };

    public override async Task<DbConnection> OpenRawAsync()
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
