using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Silo.Hosting.Catalogue;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>The demo hospital of a first start: only on an empty database, only when configured.</summary>
public sealed class DemoHospitalSeedingTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("orleansbooking-seed-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(directory, "booking.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A silo on this test's database, started, with its first generation finished.</summary>
    private async Task<(BookingApiFactory Factory, HttpClient Client)> StartAsync(bool seed)
    {
        var factory = new BookingApiFactory().With("Storage:ConnectionString", ConnectionString).With("Booking:SeedDemoHospital", seed ? "true" : "false");
        var client = factory.CreateClient();
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IPoolGenerationGrain>(ClusterJob.Key).WhenRunFinishedAsync(0);
        return (factory, client);
    }

    [Fact]
    public async Task AFirstStartWithSeedingOnFillsTheDemoHospitalAndItsPools()
    {
        var (factory, client) = await StartAsync(seed: true);
        await using var _ = factory;
        using var __ = client;

        var departments = await client.GetOkAsync("/api/departments");
        var doctors = await client.GetOkAsync("/api/doctors");
        var calendar = await client.GetOkAsync("/api/doctors/dr-li-wei/calendar");
        var dermatology = await client.GetOkAsync("/api/departments/dermatology");

        Assert.Equal(["Cardiology", "Dermatology", "Gastroenterology", "Pediatrics", "Respiratory Medicine"], departments.Strings("name"));
        Assert.Equal(20, doctors.GetArrayLength());
        Assert.Equal(DemoHospital.Doctors.Count, doctors.GetArrayLength());
        Assert.NotEmpty(calendar.GetProperty("sessions").EnumerateArray());
        Assert.Equal(("09:00", "department"), (dermatology.GetProperty("releaseRule").Str("time"), dermatology.GetProperty("releaseRule").Str("source")));
        // Mon 30 Nov .. Mon 7 Dec: chiefs work 2 weekdays, the others 3, mornings and afternoons, each weekday
        // once in the window except Monday (twice, but this Monday's mornings start at 08:00, now): 122 sessions.
        var sessions = 0;
        foreach (var doctor in doctors.Strings("doctorId"))
            sessions += (await client.GetOkAsync($"/api/doctors/{doctor}/calendar")).GetProperty("sessions").GetArrayLength();
        Assert.Equal(122, sessions);
    }

    [Fact]
    public async Task WithSeedingOffAFirstStartLeavesTheDatabaseEmpty()
    {
        var (factory, client) = await StartAsync(seed: false);
        await using var _ = factory;
        using var __ = client;

        Assert.Empty((await client.GetOkAsync("/api/departments")).EnumerateArray());
        Assert.Empty((await client.GetOkAsync("/api/doctors")).EnumerateArray());
    }

    [Fact]
    public async Task ADatabaseWithDataIsNeverSeeded()
    {
        var (first, firstClient) = await StartAsync(seed: false);
        await firstClient.CreatePoolAsync(ApiCalls.PoolBody("a-pool-by-hand"));
        firstClient.Dispose();
        await first.DisposeAsync();

        var (second, client) = await StartAsync(seed: true);
        await using var _ = second;
        using var __ = client;

        Assert.Empty((await client.GetOkAsync("/api/departments")).EnumerateArray());
        using var pool = await client.GetAsync("/api/pools/a-pool-by-hand");
        Assert.Equal(HttpStatusCode.OK, pool.StatusCode);
    }

    [Fact]
    public async Task ASecondStartDoesNotSeedTwice()
    {
        var (first, firstClient) = await StartAsync(seed: true);
        firstClient.Dispose();
        await first.DisposeAsync();

        var (second, client) = await StartAsync(seed: true);
        await using var _ = second;
        using var __ = client;

        Assert.Equal(5, (await client.GetOkAsync("/api/departments")).GetArrayLength());
        Assert.Equal(20, (await client.GetOkAsync("/api/doctors")).GetArrayLength());
    }
}
