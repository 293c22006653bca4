using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Silo.Hosting.Catalogue;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>The daily generation, driven by the manual clock: the silo starts Monday 30 Nov 2026 at 08:00 in Shanghai.</summary>
public sealed class PoolGenerationJobTests : IAsyncLifetime
{
    private readonly BookingApiFactory factory = new();
    private HttpClient client = null!;
    private IPoolGenerationGrain job = null!;
    private int runs;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        job = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IPoolGenerationGrain>(ClusterJob.Key);
        runs = await job.WhenRunFinishedAsync(0);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    private async Task<HttpStatusCode> PoolStatusAsync(string poolId)
    {
        using var response = await client.GetAsync($"/api/pools/{poolId}");
        return response.StatusCode;
    }

    [Fact]
    public async Task TheDailyRunAtHalfPastMidnightMakesTheNewDaysPools()
    {
        var departmentId = CatalogueCalls.NewId("dept");
        var doctorId = CatalogueCalls.NewId("dr");
        await client.CreateDepartmentAsync(departmentId);
        await client.CreateDoctorAsync(doctorId, departmentId);
        await client.PutWeeklyAsync(doctorId);
        Assert.Equal(HttpStatusCode.NotFound, await PoolStatusAsync($"{doctorId}-20261207-morning"));

        // Tuesday 00:30 in Shanghai: the window is now Tue 1 .. Tue 8 Dec.
        factory.Clock.Advance(new TimeSpan(16, 29, 59));
        Assert.Equal(HttpStatusCode.NotFound, await PoolStatusAsync($"{doctorId}-20261207-morning"));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        runs = await job.WhenRunFinishedAsync(runs);

        Assert.Equal(HttpStatusCode.OK, await PoolStatusAsync($"{doctorId}-20261207-morning"));
        Assert.Equal(HttpStatusCode.OK, await PoolStatusAsync($"{doctorId}-20261202-morning"));
        Assert.Equal(HttpStatusCode.NotFound, await PoolStatusAsync($"{doctorId}-20261130-afternoon"));
        Assert.Equal(HttpStatusCode.NotFound, await PoolStatusAsync($"{doctorId}-20261209-morning"));

        // Wednesday 00:30: the window reaches Wed 9 Dec.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await job.WhenRunFinishedAsync(runs);

        Assert.Equal(HttpStatusCode.OK, await PoolStatusAsync($"{doctorId}-20261209-morning"));
    }
}
