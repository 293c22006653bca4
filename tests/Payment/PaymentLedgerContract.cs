using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Payments.Sandbox;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Infrastructure;
using OrleansBooking.Tests.Storage;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Payment;

/// <summary>The service's books and the sandbox's, on every engine: each write idempotent on its ids.</summary>
public abstract class PaymentLedgerContract : StoreContract
{
    private IPaymentLedger Ledger => HospitalReadModels.Create(Database.Options).PaymentLedger;

    private ISandboxBooks Books => HospitalReadModels.Create(Database.Options).SandboxBooks;

    private static readonly Reservation Hold =
        Reservation(1) with { Status = ReservationStatus.PendingPayment, HoldExpiresAt = Now.AddMinutes(15), FeeFen = 2550 };

    private static StoredPayment NewPayment(string paymentId = "pay-1") => new(
        paymentId, Hold.ReservationId, "pool-1", Hold.PatientId, "sandbox", null, null, 2550, "CNY", PaymentStatuses.Created, null, Now, null);

    private static HandledCallback Paid(string eventId, string result, string? refundReason = null) => new(
        "sandbox", new ProviderCallback(eventId, "pay-1", "sbx-1", CallbackKind.Paid, 2550, "CNY", Now.AddMinutes(1)), "{}", result, Now.AddMinutes(1),
        MarksPaid: true, MarksFailed: false, refundReason);

    private async Task HoldPaidAndCancelledAsync()
    {
        await Store.SlotPools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(), Now)], CancellationToken.None);
        await Store.SlotPools.WriteAsync("pool-1", 1, [new ReservationMade(Hold)], CancellationToken.None);
        await Store.SlotPools.WriteAsync("pool-1", 2, [new HoldPaid(Hold.ReservationId, Now.AddMinutes(1), Hold.PatientId)], CancellationToken.None);
        await Store.SlotPools.WriteAsync("pool-1", 3, [new ReservationCancelled(Hold.ReservationId, CancellationReason.PatientRequest, Now.AddMinutes(2))], CancellationToken.None);
    }

    [Fact]
    public async Task AReservationHasOnePaymentHoweverOftenItIsOpened()
    {
        var first = await Ledger.OpenAsync(NewPayment("pay-1"), CancellationToken.None);
        var second = await Ledger.OpenAsync(NewPayment("pay-2"), CancellationToken.None);
        await Ledger.AttachProviderAsync("pay-1", new ProviderPayment("sbx-1", "/sandbox-pay/?payment=sbx-1"), Now, CancellationToken.None);

        Assert.Equal("pay-1", second.PaymentId);
        Assert.Equal(NewPayment() with { ProviderPaymentId = "sbx-1", PayUrl = "/sandbox-pay/?payment=sbx-1" }, await Ledger.FindAsync("pay-1", CancellationToken.None));
        Assert.Equal(first, (await Ledger.FindForReservationAsync(Hold.ReservationId, CancellationToken.None))! with { ProviderPaymentId = null, PayUrl = null });
    }

    [Fact]
    public async Task ACallbackIsRecordedOnceWithItsPaymentAndRefundAndARepeatGetsTheFirstAnswer()
    {
        await Ledger.OpenAsync(NewPayment(), CancellationToken.None);

        Assert.Equal(CallbackResults.Refunded, await Ledger.RecordCallbackAsync(Paid("evt-1", CallbackResults.Refunded, RefundReasons.PaidAfterExpiry), CancellationToken.None));
        Assert.Equal(CallbackResults.Refunded, await Ledger.RecordCallbackAsync(Paid("evt-1", CallbackResults.Booked), CancellationToken.None));

        Assert.Equal(CallbackResults.Refunded, await Ledger.FindCallbackResultAsync("sandbox", "evt-1", CancellationToken.None));
        var payment = await Ledger.FindAsync("pay-1", CancellationToken.None);
        Assert.Equal((PaymentStatuses.Paid, 2550L, Now.AddMinutes(1)), (payment!.Status, payment.PaidFen!.Value, payment.PaidAt!.Value));
        var refund = (await Ledger.RefundsOfAsync([Hold.ReservationId], CancellationToken.None))[Hold.ReservationId];
        Assert.Equal(("refpay-1", 2550L, RefundReasons.PaidAfterExpiry, RefundStatuses.Pending), (refund.RefundId, refund.AmountFen, refund.Reason, refund.Status));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM payment_callbacks"));
    }

    [Fact]
    public async Task ACancelledPaidReservationOwesOneRefundWhichIsRetriedUntilConfirmed()
    {
        await HoldPaidAndCancelledAsync();
        await Ledger.OpenAsync(NewPayment(), CancellationToken.None);
        await Ledger.AttachProviderAsync("pay-1", new ProviderPayment("sbx-1", "/x"), Now, CancellationToken.None);
        await Ledger.RecordCallbackAsync(Paid("evt-1", CallbackResults.Booked), CancellationToken.None);

        Assert.Equal(1, await Ledger.OpenRefundsForCancelledAsync(Now.AddMinutes(3), null, CancellationToken.None));
        Assert.Equal(0, await Ledger.OpenRefundsForCancelledAsync(Now.AddMinutes(3), Hold.ReservationId, CancellationToken.None));
        var due = Assert.Single(await Ledger.RefundsDueAsync(Now.AddMinutes(3), 10, CancellationToken.None));
        Assert.Equal(new DueRefund("refpay-1", "pay-1", Hold.ReservationId, "sbx-1", 2550, 0), due);

        await Ledger.PostponeRefundAsync("refpay-1", Now.AddMinutes(4), "down", CancellationToken.None);
        Assert.Empty(await Ledger.RefundsDueAsync(Now.AddMinutes(3), 10, CancellationToken.None));
        Assert.Equal(1, Assert.Single(await Ledger.RefundsDueAsync(Now.AddMinutes(4), 10, CancellationToken.None)).Attempts);
        await Ledger.ConfirmRefundAsync("refpay-1", "sbr-1", Now.AddMinutes(5), CancellationToken.None);

        Assert.Empty(await Ledger.RefundsDueAsync(Now.AddHours(1), 10, CancellationToken.None));
        var refund = (await Ledger.RefundsOfAsync([Hold.ReservationId], CancellationToken.None))[Hold.ReservationId];
        Assert.Equal((RefundStatuses.Confirmed, Now.AddMinutes(5)), (refund.Status, refund.ConfirmedAt!.Value));
        var day = await Ledger.ReadDayAsync(Now.AddHours(-1), Now.AddHours(1), CancellationToken.None);
        Assert.Equal(("pay-1", "cancelled", true), (Assert.Single(day.Paid).PaymentId, day.Paid[0].ReservationStatus, day.Paid[0].HasRefund));
        Assert.Empty(day.PaidNotBooked);
        Assert.Empty(day.BookedNotPaid);
    }

    [Fact]
    public async Task TheSandboxBooksTakeAPaymentOnceAndNeverRefundMoreThanWasPaid()
    {
        var open = new SandboxPayment("sbx-1", "pay-1", 2550, "CNY", "fee", SandboxStatuses.Open, null, Now.AddMinutes(15), Now, null, null, 0);
        await Books.OpenAsync(open, CancellationToken.None);
        Assert.Equal("sbx-1", (await Books.OpenAsync(open with { ProviderPaymentId = "sbx-2" }, CancellationToken.None)).ProviderPaymentId);
        Assert.Null(await Books.RefundAsync("ref-0", "sbx-1", 1, Now, CancellationToken.None));

        await Books.SettleAsync("sbx-1", SandboxStatuses.Paid, "evt-1", Now.AddMinutes(1), CancellationToken.None);
        var stillPaid = await Books.SettleAsync("sbx-1", SandboxStatuses.Failed, "evt-2", Now.AddMinutes(2), CancellationToken.None);
        Assert.Equal((SandboxStatuses.Paid, "evt-1"), (stillPaid!.Status, stillPaid.EventId));
        Assert.Equal("sbx-1", Assert.Single(await Books.UnacknowledgedAsync(10, CancellationToken.None)).ProviderPaymentId);
        await Books.AcknowledgeAsync("sbx-1", "evt-1", Now.AddMinutes(1), CancellationToken.None);
        Assert.Empty(await Books.UnacknowledgedAsync(10, CancellationToken.None));

        var refund = await Books.RefundAsync("ref-1", "sbx-1", 2550, Now, CancellationToken.None);
        Assert.NotNull(refund);
        Assert.Equal(refund, await Books.RefundAsync("ref-1", "sbx-1", 2550, Now, CancellationToken.None));
        Assert.Null(await Books.RefundAsync("ref-2", "sbx-1", 1, Now, CancellationToken.None));
        Assert.Equal(2550, Assert.Single(await Books.ListPaidAsync(Now, Now.AddHours(1), CancellationToken.None)).RefundedFen);
    }
}

public sealed class SqlitePaymentLedgerTests : PaymentLedgerContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbPaymentLedgerTests(MariaDbFixture fixture) : PaymentLedgerContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);
}
