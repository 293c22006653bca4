using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting;

/// <summary>
/// Brings the schema up to date before the server takes its first request (StartingAsync runs
/// before any hosted service starts, the web server included). An unreachable database stops
/// start-up: a silo that cannot store reservations must not accept any.
/// </summary>
internal sealed partial class StorageMigrationService(
    IBookingStore store,
    IOptions<BookingEngineOptions> engine,
    ILogger<StorageMigrationService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        int schemaVersion;
        try
        {
            await store.MigrateAsync(cancellationToken);
            schemaVersion = await store.GetSchemaVersionAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogMigrationFailed(store.Engine, exception);
            throw;
        }
        LogStarted(engine.Value.Engine, store.Engine, schemaVersion);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "OrleansBooking starting: engine {Engine}, storage {Provider}, schema version {SchemaVersion}.")]
    private partial void LogStarted(string engine, string provider, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot migrate the {Provider} database; refusing to start.")]
    private partial void LogMigrationFailed(string provider, Exception exception);
}
