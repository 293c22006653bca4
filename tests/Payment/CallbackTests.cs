using System.Net;
using System.Text.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Payment;

/// <summary>The callback route as an attacker, a replaying network and a retrying provider meet it.</summary>
public sealed class CallbackTests(PaymentSilo silo) : IClassFixture<PaymentSilo>
{
    private readonly HttpClient client = silo.CreateClient();

    private async Task<(JsonElement Hold, JsonElement Payment)> OpenAsync()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var hold = await client.ReserveOkAsync(poolId, "cb-" + Guid.NewGuid().ToString("N")[..8]);
        return (hold, await silo.OpenPaymentAsync(client, hold));
    }

    private async Task<string> StatusOfAsync(JsonElement hold)
    {
        using var response = await client.GetAsync($"/api/reservations/{hold.Str("reservationId")}");
        return (await response.ReadAsync(HttpStatusCode.OK)).Str("status");
    }

    private HttpClient Provider => silo.CreateAnonymousClient();

    [Fact]
    public async Task ACallbackSignedWithAnotherSecretIs401AuditedAndChangesNothing()
    {
        var (hold, payment) = await OpenAsync();
        var body = PaymentSilo.CallbackBody(payment, "paid");

        using var response = await Provider.SendAsync(PaymentSilo.Callback(body, silo.Clock.GetUtcNow(), secret: "not-the-secret-but-just-as-long-as-it-is-0000"));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "callback_signature_invalid");
        Assert.Equal("pending_payment", await StatusOfAsync(hold));
        await silo.AuditedAsync("ReceiveCallback", 401, e => e.Detail == "callback signature invalid");
    }

    [Fact]
    public async Task ACallbackWhoseBodyWasChangedAfterSigningIs401()
    {
        var (hold, payment) = await OpenAsync();
        var request = PaymentSilo.Callback(PaymentSilo.CallbackBody(payment, "failed"), silo.Clock.GetUtcNow());
        request.Content = new StringContent(PaymentSilo.CallbackBody(payment, "paid"), System.Text.Encoding.UTF8, "application/json");

        using var response = await Provider.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "callback_signature_invalid");
        Assert.Equal("pending_payment", await StatusOfAsync(hold));
    }

    [Fact]
    public async Task AnUnsignedCallbackIs401()
    {
        var (_, payment) = await OpenAsync();
        using var response = await Provider.PostAsync("/api/payments/callbacks/sandbox", ApiCalls.Json(PaymentSilo.CallbackBody(payment, "paid")));
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "callback_signature_invalid");
    }

    [Fact]
    public async Task AGoodSignatureOutsideTheToleranceIsStale401AndAudited()
    {
        var (hold, payment) = await OpenAsync();

        using var response = await Provider.SendAsync(PaymentSilo.Callback(PaymentSilo.CallbackBody(payment, "paid"), silo.Clock.GetUtcNow().AddMinutes(-6)));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "callback_stale");
        Assert.Equal("pending_payment", await StatusOfAsync(hold));
        await silo.AuditedAsync("ReceiveCallback", 401, e => e.Detail == "callback stale");
        // Inside the tolerance the same callback books the number.
        using var fresh = await Provider.SendAsync(PaymentSilo.Callback(PaymentSilo.CallbackBody(payment, "paid"), silo.Clock.GetUtcNow().AddMinutes(-4)));
        Assert.Equal("booked", (await fresh.ReadAsync(HttpStatusCode.OK)).Str("result"));
    }

    [Fact]
    public async Task ASignedCallbackForAPaymentNeverOpenedIs404AndAudited()
    {
        var (_, payment) = await OpenAsync();
        var body = PaymentSilo.CallbackBody(payment, "paid").Replace(payment.Str("paymentId"), "pay" + new string('0', 32), StringComparison.Ordinal);

        using var response = await Provider.SendAsync(PaymentSilo.Callback(body, silo.Clock.GetUtcNow()));

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "payment_not_found");
        await silo.AuditedAsync("ReceiveCallback", 404);
    }

    [Fact]
    public async Task TheSameCallbackTwiceAtOnceGetsTheSameAnswerAndIsRecordedOnce()
    {
        var (hold, payment) = await OpenAsync();
        var body = PaymentSilo.CallbackBody(payment, "paid");
        var now = silo.Clock.GetUtcNow();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await Provider.SendAsync(PaymentSilo.Callback(body, now));
            return await response.ReadAsync(HttpStatusCode.OK);
        }));

        Assert.All(answers, a => Assert.Equal(("booked", payment.Str("paymentId")), (a.Str("result"), a.Str("paymentId"))));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM payment_callbacks WHERE payment_id = '{payment.Str("paymentId")}'"));
        Assert.Equal("booked", await StatusOfAsync(hold));
    }

    [Fact]
    public async Task ALateDuplicateOfARefundedPaymentGetsTheSameAnswerAgain()
    {
        var (hold, payment) = await OpenAsync();
        var body = PaymentSilo.CallbackBody(payment, "paid");
        silo.Clock.Advance(TimeSpan.FromMinutes(16));

        using var first = await Provider.SendAsync(PaymentSilo.Callback(body, silo.Clock.GetUtcNow()));
        using var again = await Provider.SendAsync(PaymentSilo.Callback(body, silo.Clock.GetUtcNow()));

        Assert.Equal("refund_pending", (await first.ReadAsync(HttpStatusCode.OK)).Str("result"));
        Assert.Equal("refund_pending", (await again.ReadAsync(HttpStatusCode.OK)).Str("result"));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM refunds WHERE payment_id = '{payment.Str("paymentId")}'"));
        Assert.Equal("cancelled", await StatusOfAsync(hold));
    }

    [Fact]
    public async Task ASiloDyingBetweenTheDecisionAndTheAnswerLosesNothingWhenTheProviderSendsAgain()
    {
        var (hold, payment) = await OpenAsync();
        var body = PaymentSilo.CallbackBody(payment, "paid");
        silo.Ledger.FailNextCallbackWrite = true;

        using var lost = await Provider.SendAsync(PaymentSilo.Callback(body, silo.Clock.GetUtcNow()));
        await lost.ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        Assert.True(lost.Headers.RetryAfter is not null);
        // The pool decided before the fault: the number is booked, but our books do not say it was paid yet.
        Assert.Equal(0, await silo.ScalarAsync($"SELECT COUNT(*) FROM payments WHERE payment_id = '{payment.Str("paymentId")}' AND status = 'paid'"));

        using var retried = await Provider.SendAsync(PaymentSilo.Callback(body, silo.Clock.GetUtcNow()));

        Assert.Equal("booked", (await retried.ReadAsync(HttpStatusCode.OK)).Str("result"));
        Assert.Equal("booked", await StatusOfAsync(hold));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM payments WHERE payment_id = '{payment.Str("paymentId")}' AND status = 'paid'"));
        Assert.Equal(0, await silo.ScalarAsync($"SELECT COUNT(*) FROM refunds WHERE payment_id = '{payment.Str("paymentId")}'"));
    }
}

/// <summary>The sandbox behaves like a gateway whose merchant did not answer: it sends the callback again until acknowledged.</summary>
public sealed class SandboxRetryTests(PaymentSilo silo) : IClassFixture<PaymentSilo>
{
    [Fact]
    public async Task ACallbackTheServiceCouldNotRecordIsSentAgainAndThenBooks()
    {
        var client = silo.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var hold = await client.ReserveOkAsync(poolId, "retry-" + Guid.NewGuid().ToString("N")[..8]);
        var payment = await silo.OpenPaymentAsync(client, hold);
        silo.Ledger.FailNextCallbackWrite = true;

        var pressed = await PaymentSilo.PressAsync(client, payment, "pay");
        Assert.False(pressed.GetProperty("acknowledged").GetBoolean());

        var sender = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OrleansBooking.Api.Payments.Sandbox.SandboxCallbackSender>(silo.Services);
        Assert.Equal(1, await sender.SendUnacknowledgedAsync(CancellationToken.None));
        Assert.Equal(0, await sender.SendUnacknowledgedAsync(CancellationToken.None));
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM payments WHERE payment_id = '{payment.Str("paymentId")}' AND status = 'paid'"));
    }
}
