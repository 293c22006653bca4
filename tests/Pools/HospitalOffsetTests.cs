using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Pools;

/// <summary>
/// Every instant an answer carries is stated with the hospital's offset (+08:00 in Asia/Shanghai),
/// whichever part of the service made it: a code's expiry, the wait before the next code, a pool's
/// release, a booking and its deadline, a day list, statistics (issue 15).
/// </summary>
public sealed partial class HospitalOffsetTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Fact]
    public async Task InstantsInAccountAnswersCarryTheHospitalsOffset()
    {
        var sender = new RecordingCodeSender();
        await using var silo = AccountCalls.NewSilo(sender);
        using var anonymous = silo.CreateAnonymousClient();
        var mobile = AccountCalls.NewMobile();

        using var sent = await anonymous.PostJsonAsync("/api/auth/registration-codes", new { mobile });
        var codeAnswer = await sent.Content.ReadAsStringAsync();
        using var tooSoon = await anonymous.PostJsonAsync("/api/auth/registration-codes", new { mobile });
        var tooSoonAnswer = await tooSoon.Content.ReadAsStringAsync();

        AssertEveryInstantIsLocal(HttpStatusCode.Accepted, sent.StatusCode, codeAnswer, "expiresAt");
        AssertEveryInstantIsLocal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode, tooSoonAnswer, "retryAt");
    }

    [Fact]
    public async Task InstantsInBookingAnswersCarryTheHospitalsOffsetWhateverOffsetTheyCameIn()
    {
        using var client = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["releaseAt"] = "2026-11-29T23:00:00Z";                   // 07:00 in the hospital
        var patientId = "pt-" + Guid.NewGuid().ToString("N")[..10];

        var created = (await client.CreatePoolAsync(body)).GetRawText();
        var booked = await client.ReserveOkAsync(poolId, patientId);
        var patient = await client.ManagingAccountAsync(patientId);
        var answers = new Dictionary<string, (string Body, string Field)>
        {
            ["POST /api/admin/pools"] = (created, "releaseAt"),
            ["POST …/reservations"] = (booked.GetRawText(), "cancellableUntil"),
            ["GET /api/pools/{id}"] = (await GetTextAsync(client, $"/api/pools/{poolId}"), "releaseAt"),
            ["GET /api/reservations/{id}"] = (await GetTextAsync(client, $"/api/reservations/{booked.Str("reservationId")}"), "createdAt"),
            ["GET appointments"] = (await GetTextAsync(client, $"/api/patients/{patientId}/appointments", patient), "visitTime"),
            ["GET day-list"] = (await GetTextAsync(client, $"/api/pools/{poolId}/day-list"), "visitTime"),
            ["GET statistics"] = (await GetTextAsync(client, "/api/admin/statistics/days"), "asOf"),
            ["GET booking-rules"] = (await GetTextAsync(client, "/api/booking-rules"), "now"),
        };

        Assert.Equal("2026-11-30T07:00:00+08:00", JsonDocument.Parse(created).RootElement.Str("releaseAt"));
        foreach (var (route, (text, field)) in answers) AssertEveryInstantIsLocal(route, text, field);
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path, TestIdentity? caller = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await client.SendAsync(caller is null ? request : request.As(caller));
        return (await response.ReadAsync(HttpStatusCode.OK)).GetRawText();
    }

    private static void AssertEveryInstantIsLocal(string route, string body, string field)
    {
        Assert.True(body.Contains($"\"{field}\"", StringComparison.Ordinal), $"{route}: no {field} in {body}");
        var instants = Instant().Matches(body).Select(m => m.Value).ToList();
        Assert.All(instants, instant => Assert.True(instant.EndsWith("+08:00", StringComparison.Ordinal), $"{route}: {instant} in {body}"));
    }

    private static void AssertEveryInstantIsLocal(HttpStatusCode expected, HttpStatusCode status, string body, string field)
    {
        Assert.True(expected == status, $"expected {expected}, got {status}: {body}");
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        var instants = Instant().Matches(body).Select(m => m.Value).ToList();
        Assert.NotEmpty(instants);
        Assert.All(instants, instant => Assert.EndsWith("+08:00", instant, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Instant();
}
