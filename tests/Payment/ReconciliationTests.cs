using System.Net;
using System.Text.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Payment;

/// <summary>The day's report adds up what was paid, refunded and expired, and finds what the service and the provider disagree on.</summary>
public sealed class ReconciliationTests(PaymentSilo silo) : IClassFixture<PaymentSilo>
{
    private readonly HttpClient client = silo.CreateClient();

    // The factory's clock starts at 08:00 on 2026-11-30 in the hospital's zone.
    private const string Day = "2026-11-30";

    private async Task<(JsonElement Hold, JsonElement Payment)> PaidAsync(bool pay = true)
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var hold = await client.ReserveOkAsync(poolId, "rec-" + Guid.NewGuid().ToString("N")[..8]);
        var payment = await silo.OpenPaymentAsync(client, hold);
        if (pay) await PaymentSilo.PressAsync(client, payment, "pay");
        return (hold, payment);
    }

    private async Task<JsonElement> ReportAsync()
    {
        using var response = await client.GetAsync($"/api/admin/payments/reconciliation?date={Day}");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    private static IEnumerable<(string Kind, string? PaymentId, string? ReservationId)> Mismatches(JsonElement report) =>
        report.GetProperty("mismatches").EnumerateArray().Select(m => (m.Str("kind"), m.GetProperty("paymentId").GetString(), m.GetProperty("reservationId").GetString()));

    [Fact]
    public async Task TheReportCountsTheDayAndCatchesInjectedMismatches()
    {
        var (_, clean) = await PaidAsync();
        var (lostHold, lostCallback) = await PaidAsync();
        var (keptHold, keptMoney) = await PaidAsync();
        var (_, expired) = await PaidAsync(pay: false);
        var before = await ReportAsync();
        Assert.DoesNotContain(Mismatches(before), m => m.PaymentId == clean.Str("paymentId"));

        // The callback that booked one number never reached our books; another's refund was lost after its cancellation.
        await silo.ExecuteAsync($"UPDATE payments SET status = 'created', paid_fen = NULL, paid_at = NULL WHERE payment_id = '{lostCallback.Str("paymentId")}'");
        using (var cancel = await client.DeleteAsync($"/api/reservations/{keptHold.Str("reservationId")}")) cancel.EnsureSuccessStatusCode();
        await silo.ExecuteAsync($"DELETE FROM refunds WHERE payment_id = '{keptMoney.Str("paymentId")}'");
        var report = await ReportAsync();

        var found = Mismatches(report).ToList();
        Assert.Contains(("booked_not_paid", (string?)null, lostHold.Str("reservationId")), found);
        Assert.Contains(found, m => m.Kind == "paid_at_provider_only" && m.PaymentId == lostCallback.Str("paymentId"));
        Assert.Contains(("paid_not_booked", keptMoney.Str("paymentId"), keptHold.Str("reservationId")), found);
        Assert.DoesNotContain(found, m => m.PaymentId == clean.Str("paymentId"));
        Assert.Equal(before.Int("paidCount") - 1, report.Int("paidCount"));
        Assert.Equal(report.Int("paidCount") * 1250L, report.GetProperty("paidFen").GetInt64());

        // Once the refund job opens what the cancellation owes, that money is accounted for.
        await silo.Refunds.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(Mismatches(await ReportAsync()), m => m.Kind == "paid_not_booked" && m.PaymentId == keptMoney.Str("paymentId"));
        _ = expired;
    }

    [Fact]
    public async Task ExpiredHoldsAreCounted()
    {
        var before = (await ReportAsync()).Int("expiredHolds");
        var (hold, _) = await PaidAsync(pay: false);
        silo.Clock.Advance(TimeSpan.FromMinutes(15));
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OrleansBooking.Grains.SlotPools.ISlotPoolGrainFactory>(silo.Services).GetSlotPool(hold.Str("poolId")).ExpireDueHoldsAsync();

        Assert.Equal(before + 1, (await ReportAsync()).Int("expiredHolds"));
    }

    [Fact]
    public async Task TheCsvHasTheSameFiguresAndNeutralisesFormulaCells()
    {
        var (_, payment) = await PaidAsync();
        // A reservation id that a spreadsheet would run as a formula (only the database could hold one).
        var evil = "=HYPERLINK(\"http://x\")";
        await silo.ExecuteAsync($"UPDATE payments SET reservation_id = '{evil}' WHERE payment_id = '{payment.Str("paymentId")}'");

        using var response = await client.GetAsync($"/api/admin/payments/reconciliation?date={Day}&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("record,kind,id,reservation_id,provider_payment_id,amount_fen,status,at\r\n", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        var json = await ReportAsync();
        Assert.Contains($"total,paid,{Day},,,{json.GetProperty("paidFen").GetInt64()},{json.Int("paidCount")},\r\n", csv);
    }

    [Fact]
    public async Task ABadDateIsRefusedAndTheProviderDownIs503()
    {
        using (var bad = await client.GetAsync("/api/admin/payments/reconciliation?date=2026-13-01"))
            await bad.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        silo.Provider.Down = true;
        try
        {
            using var down = await client.GetAsync($"/api/admin/payments/reconciliation?date={Day}");
            await down.ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "payment_provider_unavailable");
        }
        finally
        {
            silo.Provider.Down = false;
        }
    }
}
