using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Pools;

/// <summary>
/// A booking says until when the patient may cancel it (15:00 the day before the visit) and whether
/// that is still ahead, so a same-day booking, which cannot be cancelled, says so at once (issue 15);
/// the patient's list of appointments says it the same way.
/// The clock stands at 08:00 on 2026-11-30 in the hospital.
/// </summary>
public sealed class CancellableUntilTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Fact]
    public async Task ABookingForALaterDaySaysItCanBeCancelledUntil15HTheDayBefore()
    {
        using var client = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        var booked = await client.ReserveOkAsync(poolId, "pt-" + Guid.NewGuid().ToString("N")[..10]);

        Assert.Equal(("2026-12-01T15:00:00+08:00", true), (booked.Str("cancellableUntil"), booked.GetProperty("cancellable").GetBoolean()));
    }

    [Fact]
    public async Task ASameDayBookingSaysItCannotBeCancelledAndIndeedCannot()
    {
        using var client = factory.CreateClient();
        var poolId = await SameDayPoolAsync(client);
        var patientId = "pt-" + Guid.NewGuid().ToString("N")[..10];

        var booked = await client.ReserveOkAsync(poolId, patientId);

        Assert.Equal(("2026-11-29T15:00:00+08:00", false), (booked.Str("cancellableUntil"), booked.GetProperty("cancellable").GetBoolean()));
        using var cancel = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/reservations/{booked.Str("reservationId")}")
            .As(await client.ManagingAccountAsync(patientId)));
        await cancel.ReadProblemAsync(HttpStatusCode.Conflict, "cancellation_closed");
    }

    [Fact]
    public async Task ACancelledBookingHasNothingLeftToCancel()
    {
        using var client = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var patientId = "pt-" + Guid.NewGuid().ToString("N")[..10];
        var booked = await client.ReserveOkAsync(poolId, patientId);

        using var cancel = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/reservations/{booked.Str("reservationId")}")
            .As(await client.ManagingAccountAsync(patientId)));
        var cancelled = await cancel.ReadAsync(HttpStatusCode.OK);

        Assert.Equal((System.Text.Json.JsonValueKind.Null, false),
            (cancelled.GetProperty("cancellableUntil").ValueKind, cancelled.GetProperty("cancellable").GetBoolean()));
    }

    [Fact]
    public async Task TheAppointmentsListSaysForEachNumberWhatItsBookingSaid()
    {
        using var client = factory.CreateClient();
        var later = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(later));
        var sameDay = await SameDayPoolAsync(client);
        var patientId = "pt-" + Guid.NewGuid().ToString("N")[..10];
        await client.ReserveOkAsync(later, patientId);
        await client.ReserveOkAsync(sameDay, patientId);

        using var read = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/patients/{patientId}/appointments")
            .As(await client.ManagingAccountAsync(patientId)));
        var appointments = await read.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(
            [(sameDay, "2026-11-29T15:00:00+08:00", false), (later, "2026-12-01T15:00:00+08:00", true)],
            appointments.EnumerateArray().Select(a => (a.Str("poolId"), a.Str("cancellableUntil"), a.GetProperty("cancellable").GetBoolean())));
    }

    /// <summary>A pool for today, 10:00, two hours after the fixture's clock.</summary>
    private static async Task<string> SameDayPoolAsync(HttpClient client)
    {
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["date"] = "2026-11-30";
        body["startTime"] = "10:00";
        await client.CreatePoolAsync(body);
        return poolId;
    }
}
