using OrleansBooking.LoadTests.Payment;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.Tests.LoadTests;

public class PaymentVerifierTests
{
    private const string Pool = "pool-1";
    private const long Fee = 5_000;
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReadAt = T0.AddMinutes(3);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    private static Reservation Paid(int number, string patient) => new($"r-{patient}", Pool, patient, number, Reservation.Booked)
    {
        CreatedAt = T0,
        Payment = new ReservationPayment(Fee, T0.AddMinutes(1), T0.AddSeconds(3)),
    };

    private static Reservation Expired(int number, string patient) => new($"r-{patient}", Pool, patient, number, Reservation.Cancelled)
    {
        CreatedAt = T0,
        CancelledAt = T0.AddMinutes(1),
        CancellationReason = "payment_expired",
        Payment = new ReservationPayment(Fee, T0.AddMinutes(1), null),
    };

    /// <summary>ann paid number 1; bob walked away from number 2, which cai bought after it ran out.</summary>
    private static (List<Reservation> Stored, PaymentLedger Ledger, List<ReconciliationDay> Books) HealthyRun()
    {
        var resold = Paid(2, "cai") with { CreatedAt = T0.AddMinutes(1.5), Payment = new ReservationPayment(Fee, T0.AddMinutes(2.5), T0.AddMinutes(1.6)) };
        var stored = new List<Reservation> { Paid(1, "ann"), Expired(2, "bob"), resold };
        var ledger = new PaymentLedger();
        foreach (var (r, intent) in new[] { (stored[0], PaymentIntent.Pay), (stored[1], PaymentIntent.Abandon), (stored[2], PaymentIntent.Pay) })
        {
            ledger.Held(r with { Status = Reservation.PendingPayment }, intent);
            if (intent != PaymentIntent.Pay) continue;
            ledger.Opened(r.ReservationId, new OpenedPayment("pay-" + r.PatientId, r.ReservationId, "created", Fee, "/sandbox-pay/?payment=sbx", T0));
            ledger.PaidAtProvider(r.ReservationId);
        }
        var books = new List<ReconciliationDay>
        {
            new("2026-12-02", 2, 2 * Fee, 1,
                [new("pay-ann", "r-ann", Fee, "booked"), new("pay-cai", "r-cai", Fee, "booked")], [], []),
        };
        return (stored, ledger, books);
    }

    /// <summary>bob, who walked away in the healthy run, means to pay instead and opens the payment.</summary>
    private static void BobOpensHisPayment(List<Reservation> stored, PaymentLedger ledger)
    {
        ledger.Held(stored[1] with { Status = Reservation.PendingPayment }, PaymentIntent.Pay);
        ledger.Opened("r-bob", new OpenedPayment("pay-bob", "r-bob", "created", Fee, null, T0));
    }

    private static IReadOnlyList<Violation> Verify(List<Reservation> stored, PaymentLedger ledger, List<ReconciliationDay>? books) =>
        PaymentVerifier.Verify([new PoolReadback(Pool, null, stored)], ledger, books, Fee, ReadAt, Grace);

    [Fact]
    public void AConsistentRunPasses()
    {
        var (stored, ledger, books) = HealthyRun();

        var violations = Verify(stored, ledger, books);

        ViolationAssert.None(violations);
    }

    [Fact]
    public void ANumberBookedWithoutPaymentIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        stored[0] = stored[0] with { Payment = stored[0].Payment! with { PaidAt = null } };
        ledger = new PaymentLedger();

        ViolationAssert.Only(ViolationKind.BookedNotPaid, Verify(stored, ledger, [books[0] with { Paid = [books[0].Paid[1]] }]));
    }

    [Fact]
    public void APoolThatSaysPaidWhenThePatientWalkedAwayIsCaught()
    {
        var (stored, _, books) = HealthyRun();
        var ledger = new PaymentLedger();
        ledger.Held(stored[0] with { Status = Reservation.PendingPayment }, PaymentIntent.Abandon);

        ViolationAssert.Only(ViolationKind.BookedNotPaid, Verify(stored, ledger, books));
    }

    [Fact]
    public void AHoldStillPendingLongAfterItsExpiryIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        stored[1] = stored[1] with { Status = Reservation.PendingPayment, CancelledAt = null, CancellationReason = null };
        stored.RemoveAt(2);

        ViolationAssert.Only(ViolationKind.HoldOutlivedExpiry, Verify(stored, ledger, [books[0] with { Paid = [books[0].Paid[0]] }]));
    }

    [Fact]
    public void AHoldStillPendingBeforeItsExpiryIsFine()
    {
        var (stored, ledger, books) = HealthyRun();
        stored[1] = stored[1] with
        {
            Status = Reservation.PendingPayment, CancelledAt = null, CancellationReason = null,
            Payment = stored[1].Payment! with { HoldExpiresAt = ReadAt.AddSeconds(30) },
        };
        stored.RemoveAt(2);

        var violations = Verify(stored, ledger, [books[0] with { Paid = [books[0].Paid[0]] }]);

        ViolationAssert.None(violations);
    }

    [Fact]
    public void AHoldExpiredBeforeItsEndIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        stored[1] = stored[1] with { CancelledAt = T0.AddSeconds(59) };

        ViolationAssert.Only(ViolationKind.HoldExpiredEarly, Verify(stored, ledger, books));
    }

    [Fact]
    public void AnExpiredHoldsNumberSoldBeforeItRanOutIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        stored[2] = stored[2] with { CreatedAt = T0.AddSeconds(30) };

        ViolationAssert.Only(ViolationKind.NumberHeldTwiceAtOnce, Verify(stored, ledger, books));
    }

    [Fact]
    public void MoneyTakenForAnExpiredHoldWithoutARefundIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        // The sandbox took bob's money, but his hold had run out and no refund was opened.
        ledger.Opened("r-bob", new OpenedPayment("pay-bob", "r-bob", "created", Fee, null, T0));
        ledger.PaidAtProvider("r-bob");

        ViolationAssert.Only(ViolationKind.PaidNotBooked, Verify(stored, ledger, books));
    }

    [Fact]
    public void MoneyTakenForAnExpiredHoldWithARefundIsFine()
    {
        var (stored, ledger, books) = HealthyRun();
        ledger.Opened("r-bob", new OpenedPayment("pay-bob", "r-bob", "created", Fee, null, T0));
        ledger.PaidAtProvider("r-bob");
        books[0] = books[0] with { Refunds = [new ReconciledRefund(ReconciledRefund.IdFor("pay-bob"), Fee, "late_payment", "confirmed")] };

        var violations = Verify(stored, ledger, books);

        ViolationAssert.None(violations);
    }

    [Fact]
    public void APayCutOffThatThePoolShowsPaidIsNoViolation()
    {
        var (stored, ledger, books) = HealthyRun();
        // ann pressed pay and was cut off at the drain deadline; the sandbox had taken the money and the pool booked her.
        ledger.PayCutOff("r-ann");

        var violations = Verify(stored, ledger, books);

        ViolationAssert.None(violations);
    }

    [Fact]
    public void APayCutOffThatThePoolShowsUnpaidIsNoViolation()
    {
        var (stored, ledger, books) = HealthyRun();
        // bob meant to pay and was cut off; the press never took, so his hold ran out and cai bought the number.
        BobOpensHisPayment(stored, ledger);
        ledger.PayCutOff("r-bob");

        var violations = Verify(stored, ledger, books);

        ViolationAssert.None(violations);
    }

    [Fact]
    public void PaysCutOffAreCountedWithHowManyThePoolsShowPaid()
    {
        var (stored, ledger, _) = HealthyRun();
        ledger.PayCutOff("r-ann");
        BobOpensHisPayment(stored, ledger);
        ledger.PayCutOff("r-bob");

        var unknown = PaymentVerifier.Unknown([new PoolReadback(Pool, null, stored)], ledger);

        Assert.Equal(new UnknownOutcomes(2, 1), unknown);
        Assert.Equal("2 (the service shows 1 paid, 1 not)", unknown.Describe("paid"));
        Assert.False(ledger.Holds.Single(h => h.ReservationId == "r-ann").PaidAtProvider);
    }

    [Fact]
    public void AnAcknowledgedPayThePoolDoesNotShowIsStillCaughtBesideACutOffOne()
    {
        var (stored, ledger, books) = HealthyRun();
        ledger.PayCutOff("r-ann");
        // The sandbox answered bob "paid", yet his hold is stored as expired and unpaid, with no refund.
        BobOpensHisPayment(stored, ledger);
        ledger.PaidAtProvider("r-bob");

        var violations = Verify(stored, ledger, books);

        ViolationAssert.Only(ViolationKind.PaidNotBooked, violations);
        Assert.Contains(violations, v => v.Detail.StartsWith("r-bob:"));
    }

    [Fact]
    public void AFeeOtherThanThePoolsAtHoldTimeIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        stored[0] = stored[0] with { Payment = stored[0].Payment! with { FeeFen = Fee + 1 } };

        var violations = Verify(stored, ledger, books);

        ViolationAssert.Only(ViolationKind.PaidAmountMismatch, violations);
        Assert.Contains(violations, v => v.Detail.Contains("the report says 5000 fen paid"));
    }

    [Fact]
    public void APaymentAskingAnotherAmountThanTheHoldIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        ledger.Opened("r-ann", new OpenedPayment("pay-ann", "r-ann", "created", Fee * 2, null, T0));

        ViolationAssert.Only(ViolationKind.PaidAmountMismatch, Verify(stored, ledger, books));
    }

    [Fact]
    public void AMismatchTheReportListsForThisRunIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        books[0] = books[0] with { Mismatches = [new ReconciledMismatch("booked_not_paid", null, "r-ann", null), new ReconciledMismatch("paid_not_booked", "pay-x", "r-another-run", Fee)] };

        var violations = Verify(stored, ledger, books);

        ViolationAssert.Only(ViolationKind.ReconciliationMismatch, violations);
        Assert.Single(violations);
    }

    [Fact]
    public void APaidNumberMissingFromTheReportIsCaught()
    {
        var (stored, ledger, books) = HealthyRun();
        books[0] = books[0] with { Paid = [books[0].Paid[0]] };

        ViolationAssert.Only(ViolationKind.ReconciliationMismatch, Verify(stored, ledger, books));
    }

    [Fact]
    public void AnUnreadableReportFailsTheRun()
    {
        var (stored, ledger, _) = HealthyRun();

        ViolationAssert.Only(ViolationKind.PaymentBooksUnreadable, Verify(stored, ledger, null));
    }

    [Fact]
    public void ThePayPageLinkNamesTheSandboxPayment()
    {
        var id = "sbx" + new string('a', 32);

        Assert.Equal(id, PayingPatientVisit.ProviderPaymentIdOf($"/sandbox-pay/?payment={id}"));
        Assert.Null(PayingPatientVisit.ProviderPaymentIdOf("/sandbox-pay/?payment=evil"));
    }
}
