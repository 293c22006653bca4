using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Tests.Api;

public sealed class UnreachableStoreTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Fact]
    public async Task ReadyAnswers503WhenTheDatabaseStopsAnsweringWhileLiveStaysHealthy()
    {
        using var silent = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IBookingStore>(sp => new SilentStore(BookingStoreFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value)))));
        using var client = silent.CreateClientActingAs(TestIdentity.Admin);

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>A store that migrated fine at start-up and then stopped answering pings.</summary>
    private sealed class SilentStore(IBookingStore inner) : IBookingStore
    {
        public string Engine => inner.Engine;

        public IChangeStorage<SlotPoolState, SlotPoolChange> SlotPools => inner.SlotPools;

        public IReservationIndex Reservations => inner.Reservations;

        public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

        public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => inner.GetSchemaVersionAsync(cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        public ISlotPoolGrainFactory CreateConventionalEngine(TimeProvider clock, SlotPoolRules rules, DoctorsDayOptions? doctorsDay = null) =>
            inner.CreateConventionalEngine(clock, rules, doctorsDay);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
