using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>
/// A corpus of bad input sent to every write route, as a caller the route lets in (so validation,
/// not authorisation, is what answers): malformed JSON, wrong types, overlong and odd strings,
/// injection attempts, in the body and in the route's ids. Each must answer 4xx problem+json —
/// never 5xx — and leave every table as it was.
/// </summary>
public sealed partial class BadInputCorpusTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private const string PoolId = "pool-corpus";
    private const string Doctor = "dr-corpus";

    public static readonly string[] Bodies =
    [
        """{"poolId": """,                                   // cut off
        "[]",
        "null",
        "\"just a string\"",
        "42",
        """{"unexpected": 1}""",
        """{"quota": "5", "poolId": 5, "name": 7, "patientId": true, "mobile": 13800000000, "login": [], "reason": {}}""",
        """{"patientId": "x' OR '1'='1", "poolId": "'; DROP TABLE pools; --", "doctorId": "dr\u0000li", "mobile": "1380000000' --"}""",
        """{"name": "\ud800", "patientId": "\udfff"}""",     // lone surrogates
        """{"name": "a""" + new string('[', 100) + new string(']', 100) + "\"}",
        "{\"a\":" + new string('[', 200) + new string(']', 200) + "}",  // too deep
        // Ids are the service's: a client-chosen one is refused, even with real-name data that is otherwise right.
        """{"name": "张三", "residentId": "11010519491231002X", "phone": "13912345678", "patientId": "p-1001"}""",
        // What the patient states must be what the resident ID says (a man born 1980-01-01), and its region a province.
        """{"name": "王小明", "residentId": "440524198001010013", "phone": "13800138000", "sex": "female", "birthDate": "1980-01-01"}""",
        """{"name": "王小明", "residentId": "991012199001010011", "phone": "13800138000"}""",
        // Dates at the calendar's edges.
        """{"name": "王小明", "residentId": "440524198001010013", "phone": "13800138000", "birthDate": "0001-01-01"}""",
        """{"name": "王小明", "residentId": "440524198001010013", "phone": "13800138000", "birthDate": "9999-12-31"}""",
        """{"residentId": "440524198001010013", "code": "12345"}""",
        // Pools at the calendar's edges, a release after the visit, and references the catalogue does not hold (issue 15).
        """{"doctorId": "dr-corpus", "date": "9999-12-31", "session": "evening", "startTime": "23:50", "minutesPerNumber": 10, "quota": 1, "fee": 0, "releaseAt": "9999-12-30T08:00:00+08:00"}""",
        """{"doctorId": "dr-corpus", "date": "0001-01-01", "session": "morning", "startTime": "00:00", "minutesPerNumber": 1, "quota": 1, "fee": 0, "releaseAt": "0001-01-01T00:00:00+14:00"}""",
        """{"doctorId": "dr-corpus", "departmentId": "dept-missing", "date": "2026-12-03", "session": "morning", "startTime": "08:00", "minutesPerNumber": 10, "quota": 30, "fee": 0, "releaseAt": "2026-12-01T08:00:00+08:00"}""",
        """{"releaseAt": "2027-06-01T08:00:00+08:00"}""",
        """{"quota": 10000}""",
        """{"minAgeYears": 14, "maxAgeYears": 13}""",
        """{"date": "9999-12-31", "kind": "extra_session", "session": "evening", "startTime": "23:50", "minutesPerNumber": 10, "quota": 1}""",
        """{"date": "0001-01-01", "kind": "leave"}""",
        """{"date": "2026-12-03", "kind": "extra_session", "session": "evening", "startTime": "23:00", "minutesPerNumber": 240, "quota": 10}""",
        """{"weekly": [{"weekday": "monday", "session": "evening", "startTime": "23:00", "minutesPerNumber": 240, "quota": 10000}]}""",
        "{\"name\": \"" + new string('x', 80_000) + "\"}",    // over the body limit
    ];

    public static readonly string[] BadIds =
    [
        "x'%20OR%20'1'%3D'1",
        "%7F",
        "%E2%80%AE" + "evil",                                 // right-to-left override
        new string('a', 300),
        "caf%C3%A9",
        "..%2F..%2Fetc",
    ];

    private static TestIdentity? CallerFor(string allowed) => allowed.Split(',') switch
    {
        var roles when roles.Contains("admin") => TestIdentity.Admin,
        var roles when roles.Contains("patient") => TestIdentity.Patient("acct-corpus"),
        var roles when roles.Contains("doctor") => TestIdentity.Doctor(Doctor),
        _ => null,
    };

    /// <summary>Write routes that read nothing from the request but the caller: nothing to corrupt (checked below).</summary>
    private static readonly string[] TakeNoInput = ["POST /api/admin/pool-generation", "POST /api/auth/sign-out"];

    public static TheoryData<string> WriteRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var route in AccessMatrixTests.Allowed.Keys.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal))) data.Add(route);
        return data;
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task EveryBadInputIsRefusedWithAProblemAndNothingIsWritten(string route)
    {
        await PrepareAsync();
        using var client = factory.CreateClientAs(CallerFor(AccessMatrixTests.Allowed[route]));
        var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
        if (TakeNoInput.Contains(route))
        {
            Assert.False(TakesABody(method, pattern) || Placeholder().IsMatch(pattern), $"{route} takes input now: give it a corpus.");
            return;
        }
        var before = await FingerprintAsync();
        var tried = 0;

        if (TakesABody(method, pattern))
        {
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern, null))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                await AssertRefusedAsync(client, request, $"{route} with body {Shorten(body)}");
                tried++;
            }
        }
        foreach (var badId in Placeholder().IsMatch(pattern) ? BadIds : [])
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern, badId))
            {
                Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
            };
            await AssertRefusedAsync(client, request, $"{route} with id {Shorten(badId)}");
            tried++;
        }

        Assert.True(tried > 0, $"{route} takes no body and no id: add a corpus for it.");
        Assert.Equal(before, await FingerprintAsync());
    }

    private static async Task AssertRefusedAsync(HttpClient client, HttpRequestMessage request, string what)
    {
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500, $"{what}: expected 4xx, got {status}: {Shorten(text)}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == ApiCalls.ProblemJson, $"{what}: expected problem+json, got {response.Content.Headers.ContentType}: {Shorten(text)}");
        Assert.Contains("\"code\"", text, StringComparison.Ordinal);
    }

    private bool TakesABody(string method, string pattern) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimEnd('/') == pattern)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
            .Any(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is not null);

    /// <summary>The route's ids filled in, the one at <paramref name="badPosition"/> (0: the first) with <paramref name="badId"/>.</summary>
    private static string Fill(string pattern, string? badId, int badPosition = 0)
    {
        var position = 0;
        return Placeholder().Replace(pattern, m =>
        {
            if (badId is not null && position++ == badPosition) return badId;
            return m.Value switch
            {
                "{poolId}" => PoolId,
                "{reservationId}" => "0123456789abcdef0123456789abcdef",
                "{doctorId}" => Doctor,
                "{date}" => "2026-12-02",
                _ => "corpus-" + m.Value.Trim('{', '}'),
            };
        });
    }

    private async Task PrepareAsync()
    {
        using var admin = factory.CreateClient();
        // A doctor of the catalogue, so the catalogue's rules (sessions ending by midnight) hold for the corpus pool; created once.
        using (await admin.PostAsJsonAsync("/api/admin/departments", new { departmentId = "dept-corpus", name = "Corpus" })) { }
        using (await admin.PostAsJsonAsync("/api/admin/doctors", new { doctorId = Doctor, name = "Corpus", title = "attending", departmentId = "dept-corpus" })) { }
        var body = ApiCalls.PoolBody(PoolId);
        body["doctorId"] = Doctor;
        using var response = await admin.PostAsJsonAsync("/api/admin/pools", body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{response.StatusCode}");
        await admin.ReserveOkOrHeldAsync(PoolId, "pt-corpus");
    }

    /// <summary>Row counts of every table but the audit log and the key ring (written on purpose, elsewhere).</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'protection_keys') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new StringBuilder();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Append(table).Append('=').Append(await count.ExecuteScalarAsync()).Append(' ');
        }
        await using (var versions = connection.CreateCommand())
        {
            versions.CommandText = "SELECT COALESCE(SUM(version), 0) FROM pools";
            counts.Append("pool versions=").Append(await versions.ExecuteScalarAsync());
        }
        return counts.ToString();
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();
}
