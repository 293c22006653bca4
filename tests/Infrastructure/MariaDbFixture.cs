namespace OrleansBooking.Tests.Infrastructure;

/// <summary>
/// The tests that need MariaDB join this collection and share one private server for the whole run:
/// a server start costs seconds, a fresh database (<see cref="MariaDbServer.CreateDatabaseAsync()"/>) milliseconds.
/// Tests in one collection run one after another, so a test may stop and start the shared server,
/// provided it leaves the server running (<see cref="MariaDbServer.StartAsync"/> in a finally).
/// </summary>
[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<MariaDbFixture>
{
    public const string Name = "mariadb";
}

/// <summary>
/// Starts the shared server before the first test of the collection and removes it after the last.
/// If MariaDB is missing or cannot start, every test of the collection fails with the reason; none is skipped.
/// </summary>
public sealed class MariaDbFixture : IAsyncLifetime
{
    private MariaDbServer? server;

    public MariaDbServer Server =>
        server ?? throw new InvalidOperationException("The MariaDB fixture has not been initialised by xunit.");

    public async Task InitializeAsync() => server = await MariaDbServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
