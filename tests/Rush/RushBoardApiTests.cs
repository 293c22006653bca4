using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.Rush;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Rush;

/// <summary>GET /api/admin/rush: each answer to "take a number" counted once, by outcome, over the cluster; admins only.</summary>
public sealed class RushBoardApiTests : IAsyncLifetime
{
    private readonly BookingApiFactory silo = new();
    private HttpClient admin = null!;

    public Task InitializeAsync()
    {
        admin = silo.CreateClient();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheBoardCountsEachOutcomeOfAPool()
    {
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 2));
        var later = ApiCalls.NewPoolId();
        var scheduled = ApiCalls.PoolBody(later);
        scheduled["releaseAt"] = "2026-12-01T08:00:00+08:00";
        await admin.CreatePoolAsync(scheduled);

        for (var i = 0; i < 4; i++) (await admin.ReserveAsync(poolId, $"pt-rush-{i}")).Dispose();
        (await admin.ReserveAsync(later, "pt-rush-0")).Dispose();
        // Malformed and unknown pools are nobody's rush.
        (await admin.ReserveAsync("no-such-pool", "pt-rush-0")).Dispose();
        silo.Clock.Advance(TimeSpan.FromSeconds(1));

        using var response = await admin.GetAsync("/api/admin/rush");
        var board = await response.ReadAsync(HttpStatusCode.OK);
        var pools = board.GetProperty("pools").EnumerateArray().ToArray();
        Assert.Equal([poolId, later], pools.Select(p => p.GetProperty("pool").Str("poolId")).ToArray());
        var busy = pools[0];
        Assert.Equal(0, busy.GetProperty("pool").Int("remaining"));
        Assert.Equal(4, busy.Int("attemptsPerSecond"));
        var minute = busy.GetProperty("lastMinute");
        Assert.Equal((4, 2, 2, 0), (minute.Int("attempts"), minute.Int("booked"), minute.Int("soldOut"), minute.Int("notReleased")));
        Assert.Equal(1, pools[1].GetProperty("lastMinute").Int("notReleased"));
    }

    [Fact]
    public async Task TheBoardAddsWhatAnotherSiloReportedToThisSilosOwnCounts()
    {
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 1));
        for (var i = 0; i < 2; i++) (await admin.ReserveAsync(poolId, $"pt-cluster-{i}")).Dispose();
        // Another silo of the cluster answered three sold-outs and a failure for the pool in the same second.
        var second = silo.Clock.GetUtcNow().ToUnixTimeSeconds();
        var tally = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IClusterAttemptsGrain>(RushWindow.TallyKey);
        await tally.ReportAsync(new SiloAttemptsReport("another-silo", second, second, [new PoolAttemptsInSecond(poolId, second, [0, 3, 0, 0, 1])]));
        silo.Clock.Advance(TimeSpan.FromSeconds(1));

        using var response = await admin.GetAsync("/api/admin/rush");
        var pools = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("pools").EnumerateArray().ToArray();
        var busy = pools.Single(p => p.GetProperty("pool").Str("poolId") == poolId);
        Assert.Equal(6, busy.Int("attemptsPerSecond"));
        var minute = busy.GetProperty("lastMinute");
        Assert.Equal((6, 1, 4, 1), (minute.Int("attempts"), minute.Int("booked"), minute.Int("soldOut"), minute.Int("failed")));
    }

    [Fact]
    public async Task EveryPoolOpeningWithinTheHourIsOnTheBoardBeforeAnyAttempt()
    {
        // The clock stands at 08:00 (Shanghai): 08:30 and 07:10 are within the hour, 09:30 and 06:30 are not.
        async Task<string> PoolAsync(string releaseAt)
        {
            var body = ApiCalls.PoolBody(ApiCalls.NewPoolId(), quota: 7);
            body["releaseAt"] = releaseAt;
            await admin.CreatePoolAsync(body);
            return (string)body["poolId"]!;
        }
        var soon = await PoolAsync("2026-11-30T08:30:00+08:00");
        var justOpened = await PoolAsync("2026-11-30T07:10:00+08:00");
        string[] outside = [await PoolAsync("2026-11-30T09:30:00+08:00"), await PoolAsync("2026-11-30T06:30:00+08:00")];

        using var response = await admin.GetAsync("/api/admin/rush");
        var pools = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("pools").EnumerateArray().ToArray();

        var ids = pools.Select(p => p.GetProperty("pool").Str("poolId")).ToArray();
        // In release order, as nobody has tried them yet; the ones outside the hour are not there.
        Assert.Equal([justOpened, soon], ids);
        Assert.Empty(ids.Intersect(outside));
        var upcoming = pools.Single(p => p.GetProperty("pool").Str("poolId") == soon);
        Assert.Equal((7, "scheduled", 0, 0), (upcoming.GetProperty("pool").Int("remaining"), upcoming.GetProperty("pool").Str("status"),
            upcoming.Int("attemptsPerSecond"), upcoming.GetProperty("lastMinute").Int("attempts")));
    }

    [Fact]
    public async Task APatientMayNotReadTheBoard()
    {
        using var patient = silo.CreateClientAs(TestIdentity.Patient("acct-rush-reader"));
        using var response = await patient.GetAsync("/api/admin/rush");
        await response.ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await silo.DisposeAsync();
    }
}
