using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansBooking.Tests.Api;

public sealed class StartupLogTests
{
    [Fact]
    public async Task StartUpLogsOneLineWithEngineStorageAndSchemaVersion()
    {
        var logs = new CollectingLoggerProvider();
        await using var factory = new BookingApiFactory();
        using var logged = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.AddSingleton<ILoggerProvider>(logs)));
        using var client = logged.CreateClientActingAs(TestIdentity.Admin);

        var lines = logs.Messages.Where(m => m.StartsWith("OrleansBooking starting", StringComparison.Ordinal)).ToArray();

        var line = Assert.Single(lines);
        Assert.Matches(@"^OrleansBooking starting: engine actor, storage sqlite, schema version [1-9]\d*\.$", line);
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> messages = new();

        public IReadOnlyList<string> Messages => [.. messages];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));

        public void Dispose() { }
    }
}
