using System.Globalization;
using System.Net;

namespace OrleansBooking.Tests.Api;

/// <summary>Behaviour that depends on the clock; this class owns its fixture's clock and only moves it forward.</summary>
public sealed class ReleaseAndDeadlineTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private static readonly TimeZoneInfo Hospital = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly HttpClient client = factory.CreateClient();

    private DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Hospital);

    private static string Instant(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ReservingBeforeTheReleaseAnswersNotReleasedAndSucceedsOnceTheClockPassesIt()
    {
        var releaseAt = LocalNow.AddHours(1);
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["releaseAt"] = Instant(releaseAt);
        body["date"] = releaseAt.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await client.CreatePoolAsync(body);
        Assert.Equal("scheduled", created.Str("status"));

        using (var early = await client.ReserveAsync(poolId, "patient-1"))
        {
            var problem = await early.ReadProblemAsync(HttpStatusCode.Conflict, "not_released");
            Assert.Equal(Instant(releaseAt), problem.Str("releaseAt"));
        }
        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("booked"));

        factory.Clock.Advance(releaseAt - LocalNow);

        Assert.Equal("open", (await client.GetPoolAsync(poolId)).Str("status"));
        var reservation = await client.ReserveOkAsync(poolId, "patient-1");
        Assert.Equal(1, reservation.Int("sequenceNumber"));
    }

    [Fact]
    public async Task TheETagChangesWhenThePoolOpensWithoutAnyWrite()
    {
        var releaseAt = LocalNow.AddMinutes(5);
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["releaseAt"] = Instant(releaseAt);
        body["date"] = releaseAt.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await client.CreatePoolAsync(body);
        using var before = await client.GetAsync($"/api/pools/{poolId}");

        factory.Clock.Advance(releaseAt - LocalNow);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/pools/{poolId}");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        Assert.Equal("open", (await after.ReadAsync(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task CancellingAfterTheDeadlineAnswers409CancellationClosedWithTheDeadline()
    {
        // Rules: patients may cancel until 15:00 the day before the visit.
        var visitDay = DateOnly.FromDateTime(LocalNow.DateTime).AddDays(1);
        var deadline = new DateTimeOffset(visitDay.AddDays(-1).ToDateTime(new TimeOnly(15, 0)), TimeSpan.FromHours(8));
        if (LocalNow >= deadline)
        {
            visitDay = visitDay.AddDays(1);
            deadline = deadline.AddDays(1);
        }
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["date"] = visitDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["releaseAt"] = Instant(LocalNow.AddHours(-1));
        await client.CreatePoolAsync(body);
        var id = (await client.ReserveOkAsync(poolId, "patient-1")).Str("reservationId");

        factory.Clock.Advance(deadline - LocalNow + TimeSpan.FromMinutes(1));
        using var response = await client.DeleteAsync($"/api/reservations/{id}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, "cancellation_closed");
        Assert.Equal(Instant(deadline), problem.Str("deadline"));
        var reservation = await (await client.GetAsync($"/api/reservations/{id}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("booked", reservation.Str("status"));
    }
}
