using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Payment;

/// <summary>A silo with payment at booking and one patient place a day, so a hold's limit place can be seen coming back.</summary>
public sealed class PaymentApiFactory : PaymentSilo
{
    public PaymentApiFactory()
    {
        With("Booking:Limits:PerDay", "1");
    }
}

public sealed class HoldApiTests(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<string> NewPoolAsync()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        return poolId;
    }

    [Fact]
    public async Task AReservationIsAHoldWithItsFeeInFenAndItsExpiryOnTheReservationAndInThePatientsView()
    {
        var poolId = await NewPoolAsync();
        var patientId = "hold-" + Guid.NewGuid().ToString("N")[..8];
        var now = factory.Clock.GetUtcNow();

        var hold = await client.ReserveOkAsync(poolId, patientId);

        Assert.Equal("pending_payment", hold.Str("status"));
        var payment = hold.GetProperty("payment");
        Assert.Equal(1250, payment.GetProperty("feeFen").GetInt64());
        Assert.Equal("CNY", payment.GetProperty("currency").GetString());
        Assert.Equal(now.AddMinutes(15), payment.GetProperty("holdExpiresAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, payment.GetProperty("paidAt").ValueKind);
        using var view = await client.GetAsync($"/api/patients/{patientId}/appointments");
        var appointments = await view.ReadAsync(HttpStatusCode.OK);
        var appointment = appointments.EnumerateArray().Single(a => a.Str("reservationId") == hold.Str("reservationId"));
        Assert.Equal(("pending_payment", 1250L), (appointment.Str("status"), appointment.GetProperty("payment").GetProperty("feeFen").GetInt64()));
    }

    [Fact]
    public async Task AnExpiredHoldGivesItsNumberAndThePatientsLimitPlaceBack()
    {
        var first = await NewPoolAsync();
        var second = await NewPoolAsync();
        var patientId = "expiry-" + Guid.NewGuid().ToString("N")[..8];
        var hold = await client.ReserveOkAsync(first, patientId);
        using (var refused = await client.ReserveAsync(second, patientId))
            Assert.Equal("limit_reached", (await refused.ReadAsync(HttpStatusCode.Conflict)).Str("code"));

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        // Expiry is the pool's decision, whether its timer or this call makes it: the call returns once it is durable.
        await factory.Services.GetRequiredService<ISlotPoolGrainFactory>().GetSlotPool(first).ExpireDueHoldsAsync();

        using var expired = await client.GetAsync($"/api/reservations/{hold.Str("reservationId")}");
        var reservation = await expired.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("cancelled", "payment_expired"), (reservation.Str("status"), reservation.Str("cancellationReason")));
        Assert.Equal(0, (await client.GetPoolAsync(first)).Int("booked"));
        var next = await client.ReserveOkAsync(second, patientId);
        Assert.Equal("pending_payment", next.Str("status"));
    }
}
