using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Audit;

/// <summary>The audit log through the whole silo: what a request leaves in it, and the admins' query route.</summary>
public sealed class AuditApiTests(AuditApiFactory factory) : IClassFixture<AuditApiFactory>
{
    private readonly HttpClient admin = factory.ClientAs("acct-audit-reader", "admin");

    [Fact]
    public async Task AnAdminChangeIsRecordedWithWhoWhatWhenAndWhere()
    {
        var accountId = NewAccountId();
        using var staff = factory.ClientAs(accountId, "admin");
        var poolId = ApiCalls.NewPoolId();
        var at = factory.Clock.GetUtcNow();
        using var response = await staff.PostAsJsonAsync("/api/admin/pools", ApiCalls.PoolBody(poolId));
        await response.ReadAsync(HttpStatusCode.Created);

        var entry = Assert.Single(await EntriesOfAsync(accountId));

        Assert.Equal(accountId, entry.Str("accountId"));
        Assert.Equal("admin", entry.Str("role"));
        Assert.Equal("CreatePool", entry.Str("action"));
        Assert.Equal("POST", entry.Str("method"));
        Assert.Equal("/api/admin/pools", entry.Str("path"));
        Assert.Equal(201, entry.Int("statusCode"));
        Assert.Equal($"/api/pools/{poolId}", entry.Str("target"));
        Assert.Equal(response.Headers.Location?.OriginalString, entry.Str("target"));
        Assert.Equal("203.0.113.9", entry.Str("clientAddress"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("detail").ValueKind);
        // The factory's clock, stated in the hospital's zone.
        Assert.Equal(at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), entry.Str("occurredAt"));
    }

    [Fact]
    public async Task AQuotaChangeAndAStopClinicAreRecordedUnderTheirEndpointNames()
    {
        var accountId = NewAccountId();
        using var staff = factory.ClientAs(accountId, "admin");
        var poolId = ApiCalls.NewPoolId();
        await staff.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        await staff.PatchPoolAsync(poolId, """{"quota": 40}""", HttpStatusCode.OK);
        using var stop = await staff.PostAsJsonAsync($"/api/admin/pools/{poolId}/stop-clinic", new { reason = "The doctor is ill." });
        var stopped = await stop.Content.ReadAsStringAsync();

        var entries = await EntriesOfAsync(accountId);

        Assert.True(stop.IsSuccessStatusCode, $"Stop-clinic should succeed: {(int)stop.StatusCode} {stopped}");
        Assert.Equal(["StopClinic", "ChangePool", "CreatePool"], entries.Select(e => e.Str("action")));
        Assert.Equal($"/api/admin/pools/{poolId}", entries[1].Str("path"));
    }

    [Fact]
    public async Task AnAdminsRefusedWriteIsRecordedWithTheStatusTheCallerSaw()
    {
        var accountId = NewAccountId();
        using var staff = factory.ClientAs(accountId, "admin");
        var body = ApiCalls.PoolBody(ApiCalls.NewPoolId());
        body["quota"] = 0;
        using (var invalid = await staff.PostAsJsonAsync("/api/admin/pools", body)) await invalid.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var poolId = ApiCalls.NewPoolId();
        await staff.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        using (var duplicate = await staff.PostAsJsonAsync("/api/admin/pools", ApiCalls.PoolBody(poolId)))
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        using (var unreadable = await staff.PostAsync("/api/admin/pools", ApiCalls.Json("""{"poolId": """)))
            await unreadable.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var entries = await EntriesOfAsync(accountId);

        Assert.Equal([400, 201, 409, 400], entries.Select(e => e.Int("statusCode")).Reverse());
    }

    [Fact]
    public async Task ASignInSentAsTextIsRecordedAs415NotAs500()
    {
        using var anonymous = factory.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Add(TestCaller.AddressHeader, "198.51.100.41");
        using var response = await anonymous.PostAsync("/api/auth/sign-in", new StringContent("login=x", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await factory.FlushAuditAsync();

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?limit=1000");

        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray(), e => e.GetProperty("clientAddress").GetString() == "198.51.100.41");
        Assert.Equal((415, "/api/auth/sign-in"), (entry.Int("statusCode"), entry.Str("path")));
    }

    [Fact]
    public async Task AnUnreadableSignInIsRecordedAs400NotAs500()
    {
        using var anonymous = factory.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Add(TestCaller.AddressHeader, "198.51.100.42");
        using (var response = await anonymous.PostAsync("/api/auth/sign-in", ApiCalls.Json("""{"login": """)))
            await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await factory.FlushAuditAsync();

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=SignIn&limit=1000");

        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray(), e => e.GetProperty("clientAddress").GetString() == "198.51.100.42");
        Assert.Equal(400, entry.Int("statusCode"));
    }

    [Fact]
    public async Task AStopClinicIsRecordedWithItsReason()
    {
        var accountId = NewAccountId();
        using var staff = factory.ClientAs(accountId, "admin");
        var poolId = ApiCalls.NewPoolId();
        await staff.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        using (var stop = await staff.PostAsJsonAsync($"/api/admin/pools/{poolId}/stop-clinic", new { reason = "Dr. Li is ill" }))
            await stop.ReadAsync(HttpStatusCode.OK);

        var entry = (await EntriesOfAsync(accountId)).First();

        Assert.Equal(("StopClinic", "reason Dr. Li is ill"), (entry.Str("action"), entry.Str("detail")));
    }

    [Fact]
    public async Task ASoldOutReservationIsNotRecordedButTheSuccessfulOneIs()
    {
        var patientId = "pt-" + NewAccountId();
        // The reservation helpers book as the patient's own account.
        var accountId = TestIdentity.AccountIdOf(patientId);
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 1));
        var booked = await admin.ReserveOkAsync(poolId, patientId);
        using var soldOut = await admin.ReserveAsync(poolId, "pt2-" + accountId);
        await soldOut.ReadProblemAsync(HttpStatusCode.Conflict, "sold_out");

        var reservations = (await EntriesOfAsync(accountId)).Where(e => e.Str("action") == "CreateReservation").ToList();

        var entry = Assert.Single(reservations);
        Assert.Equal(201, entry.Int("statusCode"));
        Assert.Equal($"/api/pools/{poolId}/reservations", entry.Str("path"));
        Assert.Contains(booked.Str("reservationId"), entry.Str("target"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsAreNotRecorded()
    {
        var accountId = NewAccountId();
        using var staff = factory.ClientAs(accountId, "admin");
        using var pools = await staff.GetAsync("/api/pools/no-such-pool");
        using var audit = await staff.GetAsync("/api/admin/audit");
        await audit.ReadAsync(HttpStatusCode.OK);

        Assert.Empty(await EntriesOfAsync(accountId));
    }

    [Fact]
    public async Task AnAnonymousAttemptAtAnAdminChangeIsRecordedWithoutAnAccount()
    {
        using var anonymous = factory.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Add(TestCaller.AddressHeader, "198.51.100.7");
        using var refused = await anonymous.PostAsJsonAsync("/api/admin/pools", ApiCalls.PoolBody(ApiCalls.NewPoolId()));
        await refused.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await factory.FlushAuditAsync();

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=CreatePool&limit=1000");

        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray(), e => e.GetProperty("clientAddress").GetString() == "198.51.100.7");
        Assert.Equal(401, entry.Int("statusCode"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("accountId").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("role").ValueKind);
    }

    [Fact]
    public async Task AFailedSignInIsRecordedWithTheLoginMasked()
    {
        using var anonymous = factory.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Add(TestCaller.AddressHeader, "198.51.100.8");
        using var response = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { login = "13912345678", password = "a wrong guess" });
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await factory.FlushAuditAsync();

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=SignIn&limit=1000");

        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray(), e => e.GetProperty("clientAddress").GetString() == "198.51.100.8");
        Assert.Equal((401, "login 139****5678"), (entry.Int("statusCode"), entry.Str("detail")));
        Assert.DoesNotContain("13912345678", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueryFiltersByActionAndPagesNewestFirst()
    {
        var accountId = NewAccountId();
        using var staff = factory.ClientAs(accountId, "admin");
        var poolId = ApiCalls.NewPoolId();
        await staff.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        for (var quota = 31; quota <= 33; quota++)
        {
            await staff.PatchPoolAsync(poolId, $$"""{"quota": {{quota}}}""", HttpStatusCode.OK);
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await factory.FlushAuditAsync();

        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?accountId={accountId}&action=ChangePool&limit=2");
        var nextBefore = first.GetProperty("nextBefore").GetInt64();
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?accountId={accountId}&action=ChangePool&limit=2&before={nextBefore}");

        var firstPage = first.GetProperty("entries").EnumerateArray().ToList();
        var secondPage = second.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, firstPage.Count);
        Assert.Equal(nextBefore, firstPage[1].GetProperty("id").GetInt64());
        Assert.Single(secondPage);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBefore").ValueKind);
        var times = firstPage.Concat(secondPage).Select(e => DateTimeOffset.Parse(e.Str("occurredAt"), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(3, times.Distinct().Count());
    }

    [Fact]
    public async Task TheQueryFiltersByTime()
    {
        var accountId = NewAccountId();
        using var staff = factory.ClientAs(accountId, "admin");
        var poolId = ApiCalls.NewPoolId();
        await staff.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var changedAt = factory.Clock.GetUtcNow().AddMinutes(5);
        factory.Clock.SetUtcNow(changedAt);
        await staff.PatchPoolAsync(poolId, """{"quota": 31}""", HttpStatusCode.OK);

        var from = Uri.EscapeDataString(changedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(changedAt.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        await factory.FlushAuditAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?accountId={accountId}&from={from}&to={to}");

        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal("ChangePool", entry.Str("action"));
    }

    [Theory]
    [InlineData("from=2026-11-30T08:00:00", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-30T08:00:00%2B08:00&to=2026-11-30T08:00:00%2B08:00", "to")]
    [InlineData("accountId=not%20an%20id", "accountId")]
    [InlineData("action=Create%3BPool", "action")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("before=0", "before")]
    public async Task TheQueryRefusesBadFiltersNamingTheField(string query, string field)
    {
        using var response = await admin.GetAsync("/api/admin/audit?" + query);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task TheQueryRefusesALimitThatIsNotANumber()
    {
        using var response = await admin.GetAsync("/api/admin/audit?limit=many");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static string NewAccountId() => "acct-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Everything recorded for <paramref name="accountId"/>, newest first, once the buffer is written.</summary>
    private async Task<List<JsonElement>> EntriesOfAsync(string accountId)
    {
        await factory.FlushAuditAsync();
        using var response = await admin.GetAsync($"/api/admin/audit?accountId={accountId}&limit=1000");
        var page = await response.ReadAsync(HttpStatusCode.OK);
        return page.GetProperty("entries").EnumerateArray().ToList();
    }
}
