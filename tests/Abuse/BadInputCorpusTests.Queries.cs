using System.Net;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>Bad queries and ids for the read routes, and days at the calendar's edges: 4xx problem+json with a stable code, never 5xx.</summary>
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

    /// <summary>Bad query strings of every read route that takes them: availability, the admin lists, statistics, payments, the audit log, a patient's appointments.</summary>
    public static readonly string[] BadReadQueries =
    [
        .. BadAvailabilityQueries.Select(query => "/api/availability?" + query),
        "/api/admin/patients",                                 // search is required
        "/api/admin/patients?search=",
        "/api/admin/patients?search=%E2%80%AEevil",
        "/api/admin/patients?search=" + new string('a', 300),
        "/api/admin/patients?search=zhang&limit=0",
        "/api/admin/patients?search=zhang&limit=ten",
        "/api/admin/accounts?role=emperor",
        "/api/admin/accounts?limit=0",
        "/api/admin/accounts?after=x'%20OR%20'1'%3D'1",
        "/api/admin/statistics/days?from=2026-02-30",
        "/api/admin/statistics/departments?from=9999-12-31&to=0001-01-01",
        "/api/admin/statistics/doctors?from=0001-01-01&to=9999-12-31",
        "/api/admin/statistics/doctors?top=ten",
        "/api/admin/statistics/days?format=xlsx",
        "/api/admin/payments/reconciliation?date=2026-02-30",
        "/api/admin/payments/reconciliation?format=pdf",
        "/api/admin/audit?from=yesterday",
        "/api/admin/audit?from=2026-12-01T08:00:00",           // no offset
        "/api/admin/audit?before=0",
        "/api/admin/audit?limit=99999999999999999999",
        "/api/patients/pt-corpus/appointments?scope=soon",
        "/api/pools/pool-corpus/day-list?includeCancelled=perhaps",
        "/api/doctors?search=" + new string('a', 300),
        "/api/doctors/dr-corpus/days/2026-02-30",
    ];

    public static TheoryData<string> ReadQueries()
    {
        var data = new TheoryData<string>();
        foreach (var query in BadReadQueries) data.Add(query);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReadQueries))]
    public async Task EveryBadQueryOfAReadRouteIsABadRequestProblem(string target)
    {
        await PrepareAsync();
        using var client = factory.CreateClientAs(TestIdentity.Admin);

        using var response = await client.GetAsync(target);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{Shorten(target)}: expected 400, got {(int)response.StatusCode}: {Shorten(text)}");
        Assert.Equal(ApiCalls.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\"", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> ReadRoutesWithIds()
    {
        var data = new TheoryData<string>();
        foreach (var route in AccessMatrixTests.Allowed.Keys.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && Placeholder().IsMatch(r))) data.Add(route);
        return data;
    }

    /// <summary>Each of the route's ids in turn is a bad one, the others are good.</summary>
    [Theory]
    [MemberData(nameof(ReadRoutesWithIds))]
    public async Task EveryBadIdOfAReadRouteIsRefusedWithAProblem(string route)
    {
        using var client = factory.CreateClientAs(CallerFor(AccessMatrixTests.Allowed[route]));
        var pattern = route["GET ".Length..];
        var tried = 0;
        for (var position = 0; position < Placeholder().Matches(pattern).Count; position++)
        {
            foreach (var badId in BadIds)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Fill(pattern, badId, position));
                await AssertRefusedAsync(client, request, $"{route} with id {position} {Shorten(badId)}");
                tried++;
            }
        }
        Assert.True(tried > 0, $"{route} has no id");
    }

    /// <summary>
    /// Days at the calendar's edges are well-formed dates: read routes answer them (an empty answer) or refuse
    /// them as out of bounds, but never compute a day before 0001-01-01 or after 9999-12-31 and answer 500.
    /// </summary>
    [Theory]
    [InlineData("/api/availability?departmentId=dept-corpus&from=9999-12-31", HttpStatusCode.BadRequest)]
    [InlineData("/api/availability?departmentId=dept-corpus&from=0001-01-01", HttpStatusCode.OK)]
    [InlineData("/api/admin/payments/reconciliation?date=9999-12-31", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/payments/reconciliation?date=0001-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/statistics/days?from=9999-12-31&to=9999-12-31", HttpStatusCode.OK)]
    [InlineData("/api/admin/statistics/days?from=0001-01-01&to=0001-01-01", HttpStatusCode.OK)]
    [InlineData("/api/doctors/dr-corpus/days/9999-12-31", HttpStatusCode.OK)]
    [InlineData("/api/doctors/dr-corpus/days/0001-01-01", HttpStatusCode.OK)]
    [InlineData("/api/admin/audit?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z", HttpStatusCode.OK)]
    public async Task ADayAtTheCalendarsEdgeIsAnsweredOrRefusedNeverA500(string target, HttpStatusCode expected)
    {
        await PrepareAsync();
        using var client = factory.CreateClientAs(TestIdentity.Admin);

        using var response = await client.GetAsync(target);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{target}: expected {(int)expected}, got {(int)response.StatusCode}: {Shorten(text)}");
        if (expected == HttpStatusCode.BadRequest) Assert.Contains("\"validation_failed\"", text, StringComparison.Ordinal);
    }
}
