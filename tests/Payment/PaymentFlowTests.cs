using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Payment;

/// <summary>A patient pays a hold through the sandbox's pay page; paying in time books the number, too late or after a cancellation refunds it.</summary>
public sealed class PaymentFlowTests(PaymentSilo silo) : IClassFixture<PaymentSilo>
{
    private readonly HttpClient client = silo.CreateClient();

    private async Task<JsonElement> HoldAsync()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        return await client.ReserveOkAsync(poolId, "pay-" + Guid.NewGuid().ToString("N")[..8]);
    }

    private async Task<JsonElement> ReservationAsync(JsonElement hold)
    {
        using var response = await client.GetAsync($"/api/reservations/{hold.Str("reservationId")}");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PayingOnThePayPageBooksTheNumberAndTellsThePatient()
    {
        var hold = await HoldAsync();

        var payment = await silo.OpenPaymentAsync(client, hold);
        Assert.Equal(("created", 1250L, "CNY"), (payment.Str("status"), payment.GetProperty("amountFen").GetInt64(), payment.Str("currency")));
        Assert.StartsWith("/sandbox-pay/?payment=sbx", payment.Str("payUrl"));
        var paid = await PaymentSilo.PressAsync(client, payment, "pay");

        Assert.Equal("paid", paid.Str("status"));
        Assert.True(paid.GetProperty("acknowledged").GetBoolean());
        var reservation = await ReservationAsync(hold);
        Assert.Equal("booked", reservation.Str("status"));
        Assert.Equal(JsonValueKind.String, reservation.GetProperty("payment").GetProperty("paidAt").ValueKind);
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM notifications WHERE kind = 'booking_confirmed' AND notification_id = 'booked-{hold.Str("reservationId")}'"));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM payments WHERE payment_id = '{payment.Str("paymentId")}' AND status = 'paid' AND paid_fen = 1250"));
        // Asking again answers the same payment, now paid; pressing pay again changes nothing.
        using var again = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/reservations/{hold.Str("reservationId")}/payment")
            .As(await client.ManagingAccountAsync(hold.Str("patientId"))));
        var same = await again.ReadAsync(HttpStatusCode.OK);
        Assert.Equal((payment.Str("paymentId"), "paid"), (same.Str("paymentId"), same.Str("status")));
        Assert.Equal("paid", (await PaymentSilo.PressAsync(client, payment, "pay")).Str("status"));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM payment_callbacks WHERE payment_id = '{payment.Str("paymentId")}'"));
    }

    [Fact]
    public async Task PayingAMillisecondBeforeTheHoldRunsOutStillWins()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);

        silo.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromMilliseconds(1));
        await PaymentSilo.PressAsync(client, payment, "pay");

        Assert.Equal("booked", (await ReservationAsync(hold)).Str("status"));
    }

    [Fact]
    public async Task APaymentAfterTheHoldRanOutIsRefundedAndTheNumberStaysInThePool()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);

        silo.Clock.Advance(TimeSpan.FromMinutes(15));
        await PaymentSilo.PressAsync(client, payment, "pay");

        var reservation = await ReservationAsync(hold);
        Assert.Equal(("cancelled", "payment_expired"), (reservation.Str("status"), reservation.Str("cancellationReason")));
        var refund = reservation.GetProperty("payment").GetProperty("refund");
        Assert.Equal(("pending", "paid_after_expiry", 1250L), (refund.Str("status"), refund.Str("reason"), refund.GetProperty("amountFen").GetInt64()));
        Assert.Equal(0, (await client.GetPoolAsync(hold.Str("poolId"))).Int("booked"));

        await silo.Refunds.RunAsync(CancellationToken.None);

        Assert.Equal("confirmed", (await ReservationAsync(hold)).GetProperty("payment").GetProperty("refund").Str("status"));
        Assert.Equal(1250, await silo.ScalarAsync($"SELECT refunded_fen FROM sandbox_payments WHERE merchant_payment_id = '{payment.Str("paymentId")}'"));
    }

    [Fact]
    public async Task APaymentForAHoldThePatientCancelledIsRefunded()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);
        using (var cancel = await client.DeleteAsync($"/api/reservations/{hold.Str("reservationId")}"))
            Assert.Equal("cancelled", (await cancel.ReadAsync(HttpStatusCode.OK)).Str("status"));

        await PaymentSilo.PressAsync(client, payment, "pay");

        Assert.Equal("paid_after_cancellation", (await ReservationAsync(hold)).GetProperty("payment").GetProperty("refund").Str("reason"));
    }

    [Fact]
    public async Task CancellingAPaidNumberWithinTheDeadlineRefundsItAndThePatientSeesTheRefund()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);
        await PaymentSilo.PressAsync(client, payment, "pay");

        using var cancel = await client.DeleteAsync($"/api/reservations/{hold.Str("reservationId")}");
        var cancelled = await cancel.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(("pending", "cancelled"), (cancelled.GetProperty("payment").GetProperty("refund").Str("status"),
            cancelled.GetProperty("payment").GetProperty("refund").Str("reason")));
        Assert.Equal(1, await silo.Refunds.RunAsync(CancellationToken.None));
        using var view = await client.GetAsync($"/api/patients/{hold.Str("patientId")}/appointments?scope=past");
        var appointments = await view.ReadAsync(HttpStatusCode.OK);
        var appointment = appointments.EnumerateArray().Single(a => a.Str("reservationId") == hold.Str("reservationId"));
        Assert.Equal("confirmed", appointment.GetProperty("payment").GetProperty("refund").Str("status"));
    }

    [Fact]
    public async Task AStoppedClinicRefundsItsPaidNumbers()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);
        await PaymentSilo.PressAsync(client, payment, "pay");

        using (var stop = await client.PostAsJsonAsync($"/api/admin/pools/{hold.Str("poolId")}/stop-clinic", new { reason = "Dr. Li is ill" }))
            Assert.True(stop.IsSuccessStatusCode, $"{stop.StatusCode}");
        await silo.Refunds.RunAsync(CancellationToken.None);

        var refund = (await ReservationAsync(hold)).GetProperty("payment").GetProperty("refund");
        Assert.Equal(("confirmed", "cancelled"), (refund.Str("status"), refund.Str("reason")));
    }

    [Fact]
    public async Task TheProviderDownAtCreationAnswers503AndKeepsTheHold()
    {
        var hold = await HoldAsync();
        silo.Provider.Down = true;
        try
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/reservations/{hold.Str("reservationId")}/payment")
                .As(await client.ManagingAccountAsync(hold.Str("patientId"))));
            await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "payment_provider_unavailable");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }
        finally
        {
            silo.Provider.Down = false;
        }

        Assert.Equal("pending_payment", (await ReservationAsync(hold)).Str("status"));
        Assert.Equal("created", (await silo.OpenPaymentAsync(client, hold)).Str("status"));
    }

    [Fact]
    public async Task ARefundTheProviderRefusesStaysPendingAndIsTriedAgainUntilConfirmed()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);
        await PaymentSilo.PressAsync(client, payment, "pay");
        silo.Provider.Down = true;
        var refundId = "ref" + payment.Str("paymentId");
        try
        {
            using (var cancel = await client.DeleteAsync($"/api/reservations/{hold.Str("reservationId")}")) cancel.EnsureSuccessStatusCode();
            Assert.Equal(0, await silo.Refunds.RunAsync(CancellationToken.None));
            Assert.Equal(1, await silo.ScalarAsync($"SELECT attempts FROM refunds WHERE refund_id = '{refundId}' AND status = 'pending' AND last_error IS NOT NULL"));
            // Not due again before its back-off: the next pass leaves it alone.
            var calls = silo.Provider.RefundCalls;
            await silo.Refunds.RunAsync(CancellationToken.None);
            Assert.Equal(calls, silo.Provider.RefundCalls);
            silo.Clock.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(0, await silo.Refunds.RunAsync(CancellationToken.None));
            Assert.Equal(2, await silo.ScalarAsync($"SELECT attempts FROM refunds WHERE refund_id = '{refundId}' AND status = 'pending'"));
        }
        finally
        {
            silo.Provider.Down = false;
        }
        silo.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await silo.Refunds.RunAsync(CancellationToken.None));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM refunds WHERE refund_id = '{refundId}' AND status = 'confirmed' AND provider_refund_id LIKE 'sbr%'"));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM sandbox_refunds WHERE merchant_refund_id = '{refundId}'"));
    }

    [Fact]
    public async Task AFailedAttemptKeepsTheHoldAndThePatientMayPayAfterwards()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);

        Assert.Equal("failed", (await PaymentSilo.PressAsync(client, payment, "fail")).Str("status"));
        Assert.Equal("pending_payment", (await ReservationAsync(hold)).Str("status"));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM payments WHERE payment_id = '{payment.Str("paymentId")}' AND status = 'failed'"));

        await PaymentSilo.PressAsync(client, payment, "pay");
        Assert.Equal("booked", (await ReservationAsync(hold)).Str("status"));
    }

    [Fact]
    public async Task ANumberPaidTwiceByTwoEventsIsBookedOnceAndNotRefunded()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);
        await PaymentSilo.PressAsync(client, payment, "pay");

        using var second = await client.SendAsync(PaymentSilo.Callback(PaymentSilo.CallbackBody(payment, "paid"), silo.Clock.GetUtcNow()));
        Assert.Equal("booked", (await second.ReadAsync(HttpStatusCode.OK)).Str("result"));
        // A failure reported after the payment (out of order) leaves it paid.
        using var late = await client.SendAsync(PaymentSilo.Callback(PaymentSilo.CallbackBody(payment, "failed"), silo.Clock.GetUtcNow()));
        Assert.Equal("ignored", (await late.ReadAsync(HttpStatusCode.OK)).Str("result"));

        Assert.Equal("booked", (await ReservationAsync(hold)).Str("status"));
        Assert.Equal(0, await silo.ScalarAsync($"SELECT COUNT(*) FROM refunds WHERE payment_id = '{payment.Str("paymentId")}'"));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM payments WHERE payment_id = '{payment.Str("paymentId")}' AND status = 'paid'"));
    }

    [Fact]
    public async Task TheWrongAmountDoesNotBookAndIsRefunded()
    {
        var hold = await HoldAsync();
        var payment = await silo.OpenPaymentAsync(client, hold);

        using var response = await client.SendAsync(PaymentSilo.Callback(PaymentSilo.CallbackBody(payment, "paid", amountFen: 1), silo.Clock.GetUtcNow()));

        Assert.Equal("refund_pending", (await response.ReadAsync(HttpStatusCode.OK)).Str("result"));
        Assert.Equal("pending_payment", (await ReservationAsync(hold)).Str("status"));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT amount_fen FROM refunds WHERE payment_id = '{payment.Str("paymentId")}' AND reason = 'wrong_amount'"));
    }
}
