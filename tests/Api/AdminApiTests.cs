using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansBooking.Tests.Api;

public sealed class AdminApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task CreatePoolAnswers201WithLocationAndTheSnapshot()
    {
        var poolId = ApiCalls.NewPoolId();
        using var response = await client.PostAsJsonAsync("/api/admin/pools", ApiCalls.PoolBody(poolId));
        var pool = await response.ReadAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/pools/{poolId}", response.Headers.Location?.OriginalString);
        Assert.Equal(poolId, pool.Str("poolId"));
        Assert.Equal("dr-li", pool.Str("doctorId"));
        Assert.Equal("2026-12-02", pool.Str("date"));
        Assert.Equal("morning", pool.Str("session"));
        Assert.Equal("08:00", pool.Str("startTime"));
        Assert.Equal(10, pool.Int("minutesPerNumber"));
        Assert.Equal(30, pool.Int("quota"));
        Assert.Equal(0, pool.Int("booked"));
        Assert.Equal(30, pool.Int("remaining"));
        Assert.Equal(12.5m, pool.GetProperty("fee").GetDecimal());
        Assert.Equal("2026-11-30T07:00:00+08:00", pool.Str("releaseAt"));
        Assert.Equal("open", pool.Str("status"));
    }

    [Fact]
    public async Task CreatePoolStatesReleaseAtInTheHospitalsZoneWhateverOffsetWasSent()
    {
        var body = ApiCalls.PoolBody(ApiCalls.NewPoolId());
        body["releaseAt"] = "2026-11-29T23:00:00Z";

        var pool = await client.CreatePoolAsync(body);

        Assert.Equal("2026-11-30T07:00:00+08:00", pool.Str("releaseAt"));
    }

    [Fact]
    public async Task CreatePoolWithoutPoolIdGeneratesOne()
    {
        using var response = await client.PostAsJsonAsync("/api/admin/pools", ApiCalls.PoolBody(poolId: null));
        var pool = await response.ReadAsync(HttpStatusCode.Created);

        var poolId = pool.Str("poolId");
        Assert.Matches("^[0-9a-f]{32}$", poolId);
        Assert.Equal($"/api/pools/{poolId}", response.Headers.Location?.OriginalString);
        Assert.Equal(poolId, (await client.GetPoolAsync(poolId)).Str("poolId"));
    }

    [Fact]
    public async Task CreatingAnExistingPoolAnswers409PoolExistsAndKeepsTheFirst()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 30));

        using var response = await client.PostAsJsonAsync("/api/admin/pools", ApiCalls.PoolBody(poolId, quota: 99));
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "pool_exists");

        Assert.Equal(poolId, problem.Str("poolId"));
        Assert.Equal(30, (await client.GetPoolAsync(poolId)).Int("quota"));
    }

    public static TheoryData<string, string, object?> InvalidPoolFields => new()
    {
        { "doctorId", "doctorId", null },
        { "doctorId", "doctorId", new string('d', 65) },
        { "doctorId", "doctorId", "dr li" },
        { "doctorId", "doctorId", "" },
        { "poolId", "poolId", new string('p', 65) },
        { "poolId", "poolId", "pool/1" },
        { "date", "date", "2026/12/02" },
        { "date", "date", "2026-02-30" },
        { "date", "date", null },
        { "session", "session", "noon" },
        { "session", "session", "Morning" },
        { "session", "session", null },
        { "startTime", "startTime", "8:00" },
        { "startTime", "startTime", "08:00:00" },
        { "startTime", "startTime", "25:00" },
        { "minutesPerNumber", "minutesPerNumber", 0 },
        { "minutesPerNumber", "minutesPerNumber", 241 },
        { "quota", "quota", 0 },
        { "quota", "quota", 10_001 },
        { "quota", "quota", null },
        { "fee", "fee", -1m },
        { "fee", "fee", 100_000.01m },
        { "fee", "fee", 1.234m },
        { "fee", "fee", null },
        { "releaseAt", "releaseAt", "2026-11-30T07:00:00" },
        { "releaseAt", "releaseAt", "tomorrow" },
        { "releaseAt", "releaseAt", null },
        // Wrong JSON types are caught by binding and name the field too.
        { "quota", "quota", "5" },
        { "quota", "quota", 1.5m },
        { "doctorId", "doctorId", 123 },
        { "session", "session", 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidPoolFields))]
    public async Task CreatePoolRejectsAnInvalidFieldAndWritesNothing(string field, string expectedError, object? value)
    {
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(field == "poolId" ? null : poolId);
        body[field] = value;

        using var response = await client.PostAsJsonAsync("/api/admin/pools", body);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([expectedError], problem.ErrorFields());
        using var lookup = await client.GetAsync($"/api/pools/{poolId}");
        await lookup.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    [Fact]
    public async Task CreatePoolNamesEveryInvalidFieldAtOnce()
    {
        var body = ApiCalls.PoolBody(ApiCalls.NewPoolId());
        body["quota"] = 0;
        body["session"] = "night";
        body.Remove("date");

        using var response = await client.PostAsJsonAsync("/api/admin/pools", body);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["date", "quota", "session"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("{\"doctorId\": \"dr-li\",")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    public async Task CreatePoolRejectsMalformedJsonAsValidationFailed(string raw)
    {
        using var response = await client.PostAsync("/api/admin/pools", ApiCalls.Json(raw));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["body"], problem.ErrorFields());
    }

    [Fact]
    public async Task CreatePoolWithoutABodyAnswers400()
    {
        using var response = await client.PostAsync("/api/admin/pools", ApiCalls.Json(""));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["body"], problem.ErrorFields());
    }

    [Fact]
    public async Task CreatePoolWithAJsonNullBodyAnswers400()
    {
        using var response = await client.PostAsync("/api/admin/pools", ApiCalls.Json("null"));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task CreatePoolAsPlainTextAnswers415()
    {
        var raw = JsonSerializer.Serialize(ApiCalls.PoolBody(ApiCalls.NewPoolId()));
        using var response = await client.PostAsync("/api/admin/pools", new StringContent(raw, System.Text.Encoding.UTF8, "text/plain"));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task PatchChangesQuotaReleaseAtAndStatus()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        var pool = await client.PatchPoolAsync(poolId,
            """{"quota": 40, "releaseAt": "2026-11-30T06:30:00+08:00", "status": "closed"}""", HttpStatusCode.OK);

        Assert.Equal(40, pool.Int("quota"));
        Assert.Equal(40, pool.Int("remaining"));
        Assert.Equal("2026-11-30T06:30:00+08:00", pool.Str("releaseAt"));
        Assert.Equal("closed", pool.Str("status"));
        var stored = await client.GetPoolAsync(poolId);
        Assert.Equal((40, "closed"), (stored.Int("quota"), stored.Str("status")));
    }

    [Fact]
    public async Task PatchLeavesAbsentFieldsAsTheyAre()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        var pool = await client.PatchPoolAsync(poolId, """{"quota": 12}""", HttpStatusCode.OK);

        Assert.Equal((12, "2026-11-30T07:00:00+08:00", "open"), (pool.Int("quota"), pool.Str("releaseAt"), pool.Str("status")));
    }

    [Fact]
    public async Task PatchBelowTheHighestHeldNumberAnswers409QuotaBelowBooked()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        await client.ReserveOkAsync(poolId, "p1");
        await client.ReserveOkAsync(poolId, "p2");
        await client.ReserveOkAsync(poolId, "p3");

        using var response = await client.PatchAsync($"/api/admin/pools/{poolId}", ApiCalls.Json("""{"quota": 2, "status": "closed"}"""));
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "quota_below_booked");

        Assert.Equal(3, problem.Int("minimumQuota"));
        Assert.Equal(3, problem.Int("booked"));
        var pool = await client.GetPoolAsync(poolId);
        Assert.Equal((30, 3, "open"), (pool.Int("quota"), pool.Int("booked"), pool.Str("status")));
    }

    [Fact]
    public async Task PatchToCancelledReleasesEveryNumberAndThenRefusesChanges()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var reservation = await client.ReserveOkAsync(poolId, "p1");

        var pool = await client.PatchPoolAsync(poolId, """{"status": "cancelled"}""", HttpStatusCode.OK);
        Assert.Equal(("cancelled", 0), (pool.Str("status"), pool.Int("booked")));

        var cancelled = await (await client.GetAsync($"/api/reservations/{reservation.Str("reservationId")}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("cancelled", "doctor_unavailable"), (cancelled.Str("status"), cancelled.Str("cancellationReason")));

        using var again = await client.PatchAsync($"/api/admin/pools/{poolId}", ApiCalls.Json("""{"status": "open"}"""));
        await again.ReadProblemAsync(HttpStatusCode.Conflict, "pool_cancelled");
    }

    [Fact]
    public async Task PatchAnUnknownPoolAnswers404()
    {
        using var response = await client.PatchAsync($"/api/admin/pools/{ApiCalls.NewPoolId()}", ApiCalls.Json("""{"quota": 5}"""));
        await response.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("""{"status": "scheduled"}""", "status")]
    [InlineData("""{"status": "OPEN"}""", "status")]
    [InlineData("""{"quota": 0}""", "quota")]
    [InlineData("""{"quota": "5"}""", "quota")]
    [InlineData("""{"releaseAt": "2026-11-30 07:00"}""", "releaseAt")]
    public async Task PatchRejectsInvalidInputAndChangesNothing(string raw, string expectedError)
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        using var response = await client.PatchAsync($"/api/admin/pools/{poolId}", ApiCalls.Json(raw));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([expectedError], problem.ErrorFields());
        var pool = await client.GetPoolAsync(poolId);
        Assert.Equal((30, "2026-11-30T07:00:00+08:00", "open"), (pool.Int("quota"), pool.Str("releaseAt"), pool.Str("status")));
    }
}
