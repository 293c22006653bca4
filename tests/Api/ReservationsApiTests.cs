using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansBooking.Tests.Api;

public sealed class ReservationsApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<string> NewPoolAsync(int quota = 30)
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota));
        return poolId;
    }

    [Fact]
    public async Task ReserveAnswers201WithTheReservation()
    {
        var poolId = await NewPoolAsync();

        using var response = await client.ReserveAsync(poolId, "patient-1", "key-1");
        var reservation = await response.ReadAsync(HttpStatusCode.Created);

        var id = reservation.Str("reservationId");
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal($"/api/reservations/{id}", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(poolId, reservation.Str("poolId"));
        Assert.Equal("patient-1", reservation.Str("patientId"));
        Assert.Equal(1, reservation.Int("sequenceNumber"));
        Assert.Equal("2026-12-02T08:00:00+08:00", reservation.Str("visitTime"));
        Assert.Equal("booked", reservation.Str("status"));
        Assert.Equal("2026-11-30T08:00:00+08:00", reservation.Str("createdAt"));
        Assert.Equal(JsonValueKind.Null, reservation.GetProperty("cancelledAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, reservation.GetProperty("cancellationReason").ValueKind);
    }

    [Fact]
    public async Task EachPatientGetsTheNextNumberAndItsVisitTime()
    {
        var poolId = await NewPoolAsync();

        await client.ReserveOkAsync(poolId, "patient-1");
        var second = await client.ReserveOkAsync(poolId, "patient-2");

        Assert.Equal((2, "2026-12-02T08:10:00+08:00"), (second.Int("sequenceNumber"), second.Str("visitTime")));
        var pool = await client.GetPoolAsync(poolId);
        Assert.Equal((2, 28), (pool.Int("booked"), pool.Int("remaining")));
    }

    [Fact]
    public async Task RetryingWithTheSameIdempotencyKeyReplaysTheSameReservationWith201()
    {
        var poolId = await NewPoolAsync();

        using var first = await client.ReserveAsync(poolId, "patient-1", "retry-me");
        var original = await first.ReadAsync(HttpStatusCode.Created);
        using var second = await client.ReserveAsync(poolId, "patient-1", "retry-me");
        var replayed = await second.ReadAsync(HttpStatusCode.Created);

        Assert.Equal(original.GetRawText(), replayed.GetRawText());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, (await client.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task ARetryAfterThePoolSoldOutAndClosedStillReplaysThe201()
    {
        var poolId = await NewPoolAsync(quota: 1);
        using var first = await client.ReserveAsync(poolId, "patient-1", "first-try");
        var original = await first.ReadAsync(HttpStatusCode.Created);
        await client.PatchPoolAsync(poolId, """{"status": "closed"}""", HttpStatusCode.OK);

        using var retry = await client.ReserveAsync(poolId, "patient-1", "first-try");

        Assert.Equal(original.GetRawText(), (await retry.ReadAsync(HttpStatusCode.Created)).GetRawText());
    }

    [Fact]
    public async Task AnIdempotencyKeyTheAccountUsedForAnotherOfItsPatientsAnswers422()
    {
        var poolId = await NewPoolAsync();
        var family = TestIdentity.Patient("acct-family");
        foreach (var patientId in new[] { "family-1", "family-2" })
            Assert.IsType<OrleansBooking.Grains.Patients.RegisterOutcome.Registered>(await client.RegisterDirectlyAsync(patientId, family.AccountId));

        using var first = await ReserveAsAsync(family, poolId, "family-1", "shared-key");
        await first.ReadAsync(HttpStatusCode.Created);
        using var second = await ReserveAsAsync(family, poolId, "family-2", "shared-key");
        await second.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        Assert.Equal(1, (await client.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task TwoAccountsThatPickTheSameIdempotencyKeyEachGetTheirOwnReservation()
    {
        var poolId = await NewPoolAsync();

        using var first = await client.ReserveAsync(poolId, "patient-1", "shared-key");
        using var second = await client.ReserveAsync(poolId, "patient-2", "shared-key");

        var (a, b) = (await first.ReadAsync(HttpStatusCode.Created), await second.ReadAsync(HttpStatusCode.Created));
        Assert.NotEqual(a.Str("reservationId"), b.Str("reservationId"));
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await client.GetPoolAsync(poolId)).Int("booked"));
    }

    private Task<HttpResponseMessage> ReserveAsAsync(TestIdentity account, string poolId, string patientId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations") { Content = JsonContent.Create(new { patientId }) }.As(account);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task ASecondReservationOfTheSamePatientAnswers409AlreadyBookedWithTheFirst()
    {
        var poolId = await NewPoolAsync();
        var first = await client.ReserveOkAsync(poolId, "patient-1");

        using var response = await client.ReserveAsync(poolId, "patient-1");
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "already_booked");

        Assert.Equal(first.Str("reservationId"), problem.Str("reservationId"));
    }

    [Fact]
    public async Task ReservingPastTheQuotaAnswers409SoldOut()
    {
        var poolId = await NewPoolAsync(quota: 1);
        await client.ReserveOkAsync(poolId, "patient-1");

        using var response = await client.ReserveAsync(poolId, "patient-2");
        await response.ReadProblemAsync(HttpStatusCode.Conflict, "sold_out");
    }

    [Fact]
    public async Task ASoldOutPoolAnswersBeforeThePatientIsEvenLookedUp()
    {
        var poolId = await NewPoolAsync(quota: 1);
        await client.ReserveOkAsync(poolId, "patient-1");

        // Not registered: a route that loaded the patient first would answer 404 patient_not_found.
        using var response = await client.SendAsAsync(TestIdentity.Patient("acct-nobody"), HttpMethod.Post,
            $"/api/pools/{poolId}/reservations", JsonContent.Create(new { patientId = "never-registered" }));

        await response.ReadProblemAsync(HttpStatusCode.Conflict, "sold_out");
    }

    [Fact]
    public async Task ReservingInAClosedPoolAnswers409PoolClosed()
    {
        var poolId = await NewPoolAsync();
        await client.PatchPoolAsync(poolId, """{"status": "closed"}""", HttpStatusCode.OK);

        using var response = await client.ReserveAsync(poolId, "patient-1");
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "pool_closed");

        Assert.Equal("closed", problem.Str("poolStatus"));
    }

    [Fact]
    public async Task ReservingInAnUnknownPoolAnswers404()
    {
        using var response = await client.ReserveAsync(ApiCalls.NewPoolId(), "patient-1");
        await response.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    public static TheoryData<string, string?, string> InvalidReservations => new()
    {
        { """{"patientId": ""}""", null, "patientId" },
        { """{}""", null, "patientId" },
        { $$"""{"patientId": "{{new string('p', 65)}}"}""", null, "patientId" },
        { """{"patientId": "p 1"}""", null, "patientId" },
        { """{"patientId": 42}""", null, "patientId" },
        { """{"patientId": "p1"}""", new string('k', 129), "Idempotency-Key" },
        { """{"patientId": "p1"}""", "tab\tinside", "Idempotency-Key" },
        { """{"patientId": "p1"}""", "caf\u00e9", "Idempotency-Key" },
        { """{"patientId": """, null, "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidReservations))]
    public async Task ReserveRejectsInvalidInputAndTakesNoNumber(string raw, string? idempotencyKey, string expectedError)
    {
        var poolId = await NewPoolAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations") { Content = ApiCalls.Json(raw) }
            .As(TestIdentity.Patient("acct-invalid-input"));
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);

        using var response = await client.SendAsync(request);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([expectedError], problem.ErrorFields());
        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("booked"));
        var list = await (await client.GetAsync($"/api/pools/{poolId}/reservations")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task ReserveWithTwoIdempotencyKeysAnswers400()
    {
        var poolId = await NewPoolAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pools/{poolId}/reservations") { Content = ApiCalls.Json("""{"patientId": "p1"}""") }
            .As(TestIdentity.Patient("acct-invalid-input"));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["key-a", "key-b"]);

        using var response = await client.SendAsync(request);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("booked"));
    }

    [Fact]
    public async Task ReserveWithAnOverlongPoolIdAnswers400()
    {
        using var response = await client.ReserveAsync(new string('x', 65), "patient-1");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["poolId"], problem.ErrorFields());
    }

    [Fact]
    public async Task GetReservationReturnsIt()
    {
        var poolId = await NewPoolAsync();
        var made = await client.ReserveOkAsync(poolId, "patient-1");

        using var response = await client.GetAsync($"/api/reservations/{made.Str("reservationId")}");
        var reservation = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(made.GetRawText(), reservation.GetRawText());
    }

    [Fact]
    public async Task GetAnUnknownReservationAnswers404()
    {
        using var response = await client.GetAsync($"/api/reservations/{Guid.NewGuid():N}");
        await response.ReadProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
    }

    [Theory]
    [InlineData("not-a-reservation")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdefa")]
    public async Task AMalformedReservationIdAnswers400(string reservationId)
    {
        using var get = await client.GetAsync($"/api/reservations/{reservationId}");
        Assert.Equal(["reservationId"], (await get.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());

        using var delete = await client.DeleteAsync($"/api/reservations/{reservationId}");
        Assert.Equal(["reservationId"], (await delete.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task CancelReturnsTheCancelledReservationAndTheNumberGoesBackToThePool()
    {
        var poolId = await NewPoolAsync();
        var made = await client.ReserveOkAsync(poolId, "patient-1");

        using var response = await client.DeleteAsync($"/api/reservations/{made.Str("reservationId")}");
        var cancelled = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(made.Str("reservationId"), cancelled.Str("reservationId"));
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal("patient_request", cancelled.Str("cancellationReason"));
        Assert.Equal("2026-11-30T08:00:00+08:00", cancelled.Str("cancelledAt"));
        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("booked"));
        Assert.Equal(1, (await client.ReserveOkAsync(poolId, "patient-2")).Int("sequenceNumber"));
    }

    [Fact]
    public async Task CancellingTwiceAnswers200Again()
    {
        var poolId = await NewPoolAsync();
        var id = (await client.ReserveOkAsync(poolId, "patient-1")).Str("reservationId");
        (await client.DeleteAsync($"/api/reservations/{id}")).Dispose();

        using var again = await client.DeleteAsync($"/api/reservations/{id}");
        Assert.Equal("cancelled", (await again.ReadAsync(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task CancelAnUnknownReservationAnswers404()
    {
        using var response = await client.DeleteAsync($"/api/reservations/{Guid.NewGuid():N}");
        await response.ReadProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
    }

    [Fact]
    public async Task ListReturnsEveryReservationInNumberOrderCancelledOnesIncluded()
    {
        var poolId = await NewPoolAsync();
        var first = await client.ReserveOkAsync(poolId, "patient-1");
        await client.ReserveOkAsync(poolId, "patient-2");
        await client.ReserveOkAsync(poolId, "patient-3");
        (await client.DeleteAsync($"/api/reservations/{first.Str("reservationId")}")).Dispose();
        await client.ReserveOkAsync(poolId, "patient-4");

        using var response = await client.GetAsync($"/api/pools/{poolId}/reservations");
        var list = await response.ReadAsync(HttpStatusCode.OK);

        var rows = list.EnumerateArray().Select(r => (r.Int("sequenceNumber"), r.Str("patientId"), r.Str("status"))).ToArray();
        Assert.Equal([1, 1, 2, 3], rows.Select(r => r.Item1));
        // Number 1 was held twice (cancelled, then taken again); their order among themselves is not promised.
        Assert.Equal(
            [(1, "patient-1", "cancelled"), (1, "patient-4", "booked"), (2, "patient-2", "booked"), (3, "patient-3", "booked")],
            rows.OrderBy(r => r.Item1).ThenBy(r => r.Item2, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListForAnUnknownPoolAnswers404()
    {
        using var response = await client.GetAsync($"/api/pools/{ApiCalls.NewPoolId()}/reservations");
        await response.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }
}
