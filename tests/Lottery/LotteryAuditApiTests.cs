using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansBooking.Grains.Lottery;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Lottery;

/// <summary>
/// The draw's audit and a patient's entries over HTTP. Each test opens a pool released now with a
/// one-minute window and moves this fixture's fake clock past it; a request after the close draws first.
/// </summary>
public sealed class LotteryAuditApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static string NewPatient(string role) => $"ld-{role}-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A drawing pool whose window opens now and closes in a minute.</summary>
    private async Task<string> OpenDrawingPoolAsync(int quota)
    {
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId, quota);
        body["releaseAt"] = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        body["lottery"] = new Dictionary<string, object?> { ["windowMinutes"] = 1 };
        await client.CreatePoolAsync(body);
        return poolId;
    }

    private async Task EnterAsync(string poolId, IEnumerable<string> patients)
    {
        foreach (var patient in patients)
        {
            using var entered = await client.ReserveAsync(poolId, patient);
            Assert.Equal("entered", (await entered.ReadAsync(HttpStatusCode.Accepted)).Str("status"));
        }
    }

    /// <summary>Past the close; a newcomer's request draws before it is judged (and finds the numbers gone or not).</summary>
    private async Task DrawAsync(string poolId)
    {
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var newcomer = await client.ReserveAsync(poolId, NewPatient("newcomer"));
        Assert.NotEqual(HttpStatusCode.Accepted, newcomer.StatusCode);
    }

    private async Task<JsonElement> AuditAsync(string poolId)
    {
        using var response = await client.GetAsync($"/api/admin/pools/{poolId}/lottery");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheStoredSeedAndEntriesReproduceThePublishedResult()
    {
        var poolId = await OpenDrawingPoolAsync(quota: 2);
        string[] entrants = [NewPatient("a"), NewPatient("b"), NewPatient("c"), NewPatient("d")];
        await EnterAsync(poolId, entrants);
        var before = await AuditAsync(poolId);

        await DrawAsync(poolId);
        var after = await AuditAsync(poolId);

        Assert.Equal(("open", JsonValueKind.Null), (before.Str("status"), before.GetProperty("seed").ValueKind));
        Assert.All(before.GetProperty("entries").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("rank").ValueKind));
        Assert.Equal("drawn", after.Str("status"));
        var published = after.GetProperty("entries").EnumerateArray()
            .Select(e => (e.Str("patientId"), e.Int("rank"), e.GetProperty("sequenceNumber").ValueKind == JsonValueKind.Null ? (int?)null : e.Int("sequenceNumber")))
            .ToList();
        var seed = LotterySeed.Parse(after.Str("seed")) ?? throw new Xunit.Sdk.XunitException("the audit's seed is not 64 hex digits");
        var recomputed = LotteryDraw.Draw(seed, published.Select(p => p.Item1), [1, 2]).Select(t => (t.PatientId, t.Rank, t.SequenceNumber)).ToList();
        Assert.Equal(recomputed, published);
        Assert.Equal(entrants.Order(), published.Select(p => p.Item1).Order());
        Assert.Equal(2, (await client.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task AFirstComePoolHasNoDrawToAuditAndAnUnknownPoolIsNotFound()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        using var firstCome = await client.GetAsync($"/api/admin/pools/{poolId}/lottery");
        using var unknown = await client.GetAsync($"/api/admin/pools/{ApiCalls.NewPoolId()}/lottery");

        await firstCome.ReadProblemAsync(HttpStatusCode.Conflict, "not_a_lottery");
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    [Fact]
    public async Task APatientReadsTheirEntryAsEnteredThenAsTheDrawDecided()
    {
        var poolId = await OpenDrawingPoolAsync(quota: 1);
        string[] entrants = [NewPatient("x"), NewPatient("y")];
        await EnterAsync(poolId, entrants);
        var waiting = await MyEntryAsync(entrants[0], poolId);

        await DrawAsync(poolId);
        var audit = (await AuditAsync(poolId)).GetProperty("entries").EnumerateArray()
            .ToDictionary(e => e.Str("patientId"), e => e.GetProperty("sequenceNumber"));

        Assert.Equal("entered", waiting.Str("status"));
        foreach (var patient in entrants)
        {
            var mine = await MyEntryAsync(patient, poolId);
            var won = audit[patient].ValueKind == JsonValueKind.Number;
            Assert.Equal(won ? "won" : "not_drawn", mine.Str("status"));
            int? expected = won ? audit[patient].GetInt32() : null;
            int? told = mine.GetProperty("sequenceNumber").ValueKind == JsonValueKind.Null ? null : mine.Int("sequenceNumber");
            Assert.Equal(expected, told);
        }
    }

    private async Task<JsonElement> MyEntryAsync(string patientId, string poolId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/lottery-entries").As(await client.ManagingAccountAsync(patientId));
        using var response = await client.SendAsync(request);
        var entries = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray().ToArray();
        return Assert.Single(entries, e => e.Str("poolId") == poolId && e.Str("patientId") == patientId);
    }
}
