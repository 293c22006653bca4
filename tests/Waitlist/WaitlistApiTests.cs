using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Waitlist;

/// <summary>The waitlist over HTTP: join a sold-out pool, see one's place, a cancellation's offer, accept, and the refusals.</summary>
public sealed class WaitlistApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static string NewPatient(string role) => $"wl-{role}-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string uri, string patientId, object? body = null)
    {
        await client.EnsurePatientAsync(patientId);
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) }
            .As(await client.ManagingAccountAsync(patientId));
        return await client.SendAsync(request);
    }

    private Task<HttpResponseMessage> JoinAsync(string poolId, string patientId) =>
        SendAsync(HttpMethod.Post, $"/api/pools/{poolId}/waitlist", patientId, new { patientId });

    [Fact]
    public async Task ACancellationInASoldOutPoolIsOfferedToTheFirstPatientWaitingWhoAcceptsIt()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 1));
        var holder = NewPatient("holder");
        var first = NewPatient("first");
        var second = NewPatient("second");
        var booked = await client.ReserveOkAsync(poolId, holder);

        using (var joined = await JoinAsync(poolId, first))
        {
            var place = await joined.ReadAsync(HttpStatusCode.Created);
            Assert.Equal(("waiting", 1), (place.Str("status"), place.Int("position")));
        }
        using (var again = await JoinAsync(poolId, first)) Assert.Equal(1, (await again.ReadAsync(HttpStatusCode.OK)).Int("position"));
        using (var joined = await JoinAsync(poolId, second)) Assert.Equal(2, (await joined.ReadAsync(HttpStatusCode.Created)).Int("position"));

        using (var cancelled = await SendAsync(HttpMethod.Delete, $"/api/reservations/{booked.Str("reservationId")}", holder))
            await cancelled.ReadAsync(HttpStatusCode.OK);

        using (var place = await SendAsync(HttpMethod.Get, $"/api/pools/{poolId}/waitlist/{first}", first))
        {
            var offered = await place.ReadAsync(HttpStatusCode.OK);
            Assert.Equal(("offered", 1), (offered.Str("status"), offered.GetProperty("offer").Int("sequenceNumber")));
        }
        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("remaining"));
        using (var crowd = await client.ReserveAsync(poolId, NewPatient("crowd"))) await crowd.ReadProblemAsync(HttpStatusCode.Conflict, "sold_out");
        using (var notOffered = await SendAsync(HttpMethod.Post, $"/api/pools/{poolId}/waitlist/{second}/accept", second))
            await notOffered.ReadProblemAsync(HttpStatusCode.NotFound, "offer_not_found");

        using var accepted = await SendAsync(HttpMethod.Post, $"/api/pools/{poolId}/waitlist/{first}/accept", first);
        var reservation = await accepted.ReadAsync(HttpStatusCode.Created);
        Assert.Equal((first, 1, "booked"), (reservation.Str("patientId"), reservation.Int("sequenceNumber"), reservation.Str("status")));
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM notifications WHERE kind = 'waitlist_offer' AND patient_id = '{first}'"));
        using (var gone = await SendAsync(HttpMethod.Get, $"/api/pools/{poolId}/waitlist/{first}", first))
            await gone.ReadProblemAsync(HttpStatusCode.NotFound, "not_on_waitlist");
    }

    [Fact]
    public async Task APoolWithNumbersLeftAnswersNumbersAvailableAndNothingIsWritten()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 3));
        var patient = NewPatient("early");

        using var refused = await JoinAsync(poolId, patient);

        var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict, "numbers_available");
        Assert.Equal(3, problem.Int("remaining"));
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM waitlist_entries WHERE pool_id = '{poolId}'"));
    }

    [Fact]
    public async Task AnotherAccountsPatientIsNotFoundAndLeavingTwiceIsNotOnWaitlist()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 1));
        await client.ReserveOkAsync(poolId, NewPatient("holder"));
        var patient = NewPatient("leaver");
        using (var joined = await JoinAsync(poolId, patient)) await joined.ReadAsync(HttpStatusCode.Created);

        using (var stranger = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/pools/{poolId}/waitlist/{patient}")
            .As(TestIdentity.Patient("acct-stranger"))))
            await stranger.ReadProblemAsync(HttpStatusCode.NotFound, "patient_not_found");
        using (var left = await SendAsync(HttpMethod.Delete, $"/api/pools/{poolId}/waitlist/{patient}", patient))
            Assert.False((await left.ReadAsync(HttpStatusCode.OK)).GetProperty("declinedOffer").GetBoolean());
        using var again = await SendAsync(HttpMethod.Delete, $"/api/pools/{poolId}/waitlist/{patient}", patient);
        await again.ReadProblemAsync(HttpStatusCode.NotFound, "not_on_waitlist");
    }

    [Fact]
    public async Task MyWaitlistsListsEachOfTheAccountsPatientsEntriesWithTheirStatusAndNoOneElses()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId, quota: 1));
        var holder = NewPatient("mine-holder");
        var first = NewPatient("mine-first");
        var second = NewPatient("mine-second");
        var booked = await client.ReserveOkAsync(poolId, holder);
        using (var joined = await JoinAsync(poolId, first)) await joined.ReadAsync(HttpStatusCode.Created);
        using (var joined = await JoinAsync(poolId, second)) await joined.ReadAsync(HttpStatusCode.Created);
        using (var cancelled = await SendAsync(HttpMethod.Delete, $"/api/reservations/{booked.Str("reservationId")}", holder))
            await cancelled.ReadAsync(HttpStatusCode.OK);

        var firstsEntries = await MyWaitlistsAsync(first);
        var secondsEntries = await MyWaitlistsAsync(second);
        var holdersEntries = await MyWaitlistsAsync(holder);

        var offered = Assert.Single(firstsEntries);
        Assert.Equal((poolId, first, "offered", 1), (offered.Str("poolId"), offered.Str("patientId"), offered.Str("status"), offered.Int("offerNumber")));
        var waiting = Assert.Single(secondsEntries);
        Assert.Equal(("waiting", 1), (waiting.Str("status"), waiting.Int("position")));
        Assert.Empty(holdersEntries);
    }

    private async Task<System.Text.Json.JsonElement[]> MyWaitlistsAsync(string patientId)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/account/waitlists", patientId);
        return (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray().ToArray();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
