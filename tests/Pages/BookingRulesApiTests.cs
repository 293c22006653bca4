using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Pages;

/// <summary>GET /api/booking-rules: the hospital's clock (the fake one here) and cancellation rule, for anyone.</summary>
public sealed class BookingRulesApiTests : IAsyncLifetime
{
    private readonly BookingApiFactory silo = new BookingApiFactory().With("Booking:Rules:CancellationDaysBefore", "2");

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheRulesStateTheHospitalsClockInItsZone()
    {
        using var client = silo.CreateAnonymousClient();
        silo.Clock.Advance(TimeSpan.FromMinutes(90));
        using var response = await client.GetAsync("/api/booking-rules");
        var rules = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal("2026-11-30T09:30:00+08:00", rules.Str("now"));
        Assert.Equal("Asia/Shanghai", rules.Str("timeZoneId"));
        Assert.Equal(2, rules.Int("cancellationDaysBefore"));
        Assert.Equal("15:00", rules.Str("cancellationTime"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    public async Task DisposeAsync() => await silo.DisposeAsync();
}
