using MySqlConnector;

namespace OrleansBooking.Tests.Infrastructure;

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbServerTests(MariaDbFixture fixture)
{
    private MariaDbServer Server => fixture.Server;

    [Fact]
    public async Task ServerAcceptsConnectionsOnItsOwnPort()
    {
        var version = await QueryAsync<string>(Server.ServerConnectionString, "SELECT VERSION()");
        var port = await QueryAsync<long>(Server.ServerConnectionString, "SELECT @@port");

        Assert.Contains("MariaDB", version, StringComparison.Ordinal);
        Assert.Equal(Server.Port, (int)port);
    }

    [Fact]
    public async Task CreatedDatabaseIsEmptyAndQueryable()
    {
        var connectionString = await Server.CreateDatabaseAsync("infrastructure_fresh");

        var tables = await QueryAsync<long>(connectionString,
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()");
        Assert.Equal(0, tables);

        await ExecuteAsync(connectionString,
            "CREATE TABLE doctors (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB",
            "INSERT INTO doctors VALUES (1, '李医生 🏥')");
        Assert.Equal("李医生 🏥", await QueryAsync<string>(connectionString, "SELECT name FROM doctors WHERE id = 1"));
    }

    [Fact]
    public async Task UnnamedDatabasesAreDistinct()
    {
        var first = new MySqlConnectionStringBuilder(await Server.CreateDatabaseAsync()).Database;
        var second = new MySqlConnectionStringBuilder(await Server.CreateDatabaseAsync()).Database;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task CreatingAnExistingDatabaseFailsInsteadOfSharingIt()
    {
        await Server.CreateDatabaseAsync("infrastructure_twice");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Server.CreateDatabaseAsync("infrastructure_twice"));
        Assert.Contains("infrastructure_twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommittedRowsSurviveAKillAndRestartOnTheSamePort()
    {
        var connectionString = await Server.CreateDatabaseAsync("infrastructure_crash");
        await ExecuteAsync(connectionString,
            "CREATE TABLE reservations (id INT PRIMARY KEY) ENGINE=InnoDB",
            "INSERT INTO reservations VALUES (1), (2), (3)");
        var port = Server.Port;

        try
        {
            await Server.KillAsync();

            Assert.False(Server.IsRunning);
            await Assert.ThrowsAsync<MySqlException>(() => QueryAsync<long>(NotPooled(connectionString), "SELECT 1"));
        }
        finally
        {
            await Server.StartAsync();
        }

        Assert.Equal(port, Server.Port);
        Assert.Equal(3, await QueryAsync<long>(NotPooled(connectionString), "SELECT COUNT(*) FROM reservations"));
    }

    [Fact]
    public async Task GracefulStopAndStartKeepsTheData()
    {
        var connectionString = await Server.CreateDatabaseAsync("infrastructure_stop");
        await ExecuteAsync(connectionString,
            "CREATE TABLE pools (id INT PRIMARY KEY) ENGINE=InnoDB",
            "INSERT INTO pools VALUES (7)");

        try
        {
            await Server.StopAsync();

            Assert.False(Server.IsRunning);
        }
        finally
        {
            await Server.StartAsync();
        }

        Assert.True(Server.IsRunning);
        Assert.Equal(7, await QueryAsync<int>(NotPooled(connectionString), "SELECT id FROM pools"));
    }

    // The pool's connections die with the server; a test that checks the data afterwards wants a new one.
    private static string NotPooled(string connectionString) =>
        new MySqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task<T> QueryAsync<T>(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T));
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new MySqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
