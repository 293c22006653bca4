using System.Net;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Tests.Api;

/// <summary>Start-up refuses configurations that cannot work, loudly, before serving anything.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task AnUnknownEngineStopsStartUpNamingTheOption()
    {
        await using var factory = new BookingApiFactory().With("Booking:Engine", "turbo");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Booking:Engine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidGrainOptionsStopStartUpNamingTheOption()
    {
        await using var factory = new BookingApiFactory().With("Grains:MaxWaitingCalls", "0");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Grains:MaxWaitingCalls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidSiloPortStopsStartUpNamingTheOption()
    {
        await using var factory = new BookingApiFactory().With("Cluster:SiloPort", "70000");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Cluster:SiloPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTimeZoneStopsStartUpNamingTheOption()
    {
        await using var factory = new BookingApiFactory().With("Booking:Rules:TimeZoneId", "Mars/Olympus");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Booking:Rules:TimeZoneId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableDatabaseStopsStartUp()
    {
        var missingDirectory = Path.Combine(Path.GetTempPath(), $"orleansbooking-missing-{Guid.NewGuid():N}", "booking.db");
        await using var factory = new BookingApiFactory().With("Storage:ConnectionString", $"Data Source={missingDirectory};Mode=ReadWrite");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.True(error is System.Data.Common.DbException, $"Expected the database's own error to stop start-up, got {error.GetType()}: {error.Message}");
    }

    [Fact]
    public async Task TheConventionalEngineServesTheSameRoutes()
    {
        await using var factory = new BookingApiFactory().With("Booking:Engine", "conventional");
        using var client = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();

        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 1));
        var reservation = await client.ReserveOkAsync(poolId, "patient-1");
        using var soldOut = await client.ReserveAsync(poolId, "patient-2");

        Assert.Equal(1, reservation.Int("sequenceNumber"));
        await soldOut.ReadProblemAsync(HttpStatusCode.Conflict, "sold_out");
        var fetched = await (await client.GetAsync($"/api/reservations/{reservation.Str("reservationId")}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(reservation.GetRawText(), fetched.GetRawText());
    }
}
