using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>Bad query strings for the read routes that take them: 400 problem+json with a stable code, never 5xx.</summary>
public sealed partial class BadInputCorpusTests
{
    public static readonly string[] BadAvailabilityQueries =
    [
        "",                                                    // departmentId is required
        "departmentId=",
        "departmentId=x'%20OR%20'1'%3D'1",
        "departmentId=" + new string('a', 300),
        "departmentId=cardiology&doctorId=%E2%80%AEevil",
        "departmentId=cardiology&title=emperor",
        "departmentId=cardiology&session=midnight",
        "departmentId=cardiology&from=2026-02-30",
        "departmentId=cardiology&from=yesterday",
        "departmentId=cardiology&from=2026-12-10&to=2026-12-01",
        "departmentId=cardiology&from=2026-12-01&to=2027-03-01",
        "departmentId=cardiology&limit=0",
        "departmentId=cardiology&limit=101",
        "departmentId=cardiology&limit=ten",
        "departmentId=cardiology&limit=99999999999999999999",
    ];

    public static TheoryData<string> AvailabilityQueries()
    {
        var data = new TheoryData<string>();
        foreach (var query in BadAvailabilityQueries) data.Add(query);
        return data;
    }

    [Theory]
    [MemberData(nameof(AvailabilityQueries))]
    public async Task EveryBadAvailabilityQueryIsABadRequestProblem(string query)
    {
        using var client = factory.CreateClientAs(null);

        using var response = await client.GetAsync("/api/availability?" + query);

        var status = (int)response.StatusCode;
        Assert.True(status == 400, $"?{Shorten(query)}: expected 400, got {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
        Assert.Equal(ApiCalls.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadIdOfAWaitlistPlaceIsRefusedWithAProblem()
    {
        using var client = factory.CreateClientAs(CallerFor("patient"));
        foreach (var badId in BadIds)
        {
            using var pool = new HttpRequestMessage(HttpMethod.Get, $"/api/pools/{badId}/waitlist/corpus-patient");
            await AssertRefusedAsync(client, pool, $"waitlist place with pool {Shorten(badId)}");
            using var patient = new HttpRequestMessage(HttpMethod.Get, $"/api/pools/{PoolId}/waitlist/{badId}");
            await AssertRefusedAsync(client, patient, $"waitlist place with patient {Shorten(badId)}");
        }
    }
}
