using System.Globalization;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Payment;

/// <summary>
/// <c>rush --payment</c>: the rush with payment at booking through the sandbox provider. Holds of
/// patients who do not pay run out during the run (holds last <see cref="PaymentBehaviour.HoldMinutes"/>),
/// the read-back waits until the last one has, and <see cref="PaymentVerifier"/> checks the books.
/// </summary>
public sealed class PaymentRush(PaymentBehaviour behaviour) : IRushVariant
{
    /// <summary>The fee every pool is created with, in fen.</summary>
    public const long PoolFeeFen = (long)(PoolProvisioner.Fee * 100);

    private readonly PaymentLedger _ledger = new();
    private UnknownOutcomes _unknown = UnknownOutcomes.None;

    public string Name => "payment";

    public PaymentLedger Ledger => _ledger;

    public IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["Booking:Payment:Mode"] = "at-booking",
        ["Booking:Payment:Provider"] = "sandbox",
        ["Booking:Payment:HoldMinutes"] = behaviour.HoldMinutes.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The sandbox signs its callbacks with this; the suite never needs it (it pays through the pay
    /// page's routes, which sign for it), so a fresh one per run, outside the command line.
    /// </summary>
    public IReadOnlyDictionary<string, string> SiloSecrets { get; } = new Dictionary<string, string>
    {
        ["Booking__Payment__Sandbox__Secret"] = RandomPassword.New() + RandomPassword.New(),
    };

    public IArrivalWork Visit(VisitContext context) => new PayingPatientVisit(context, behaviour, _ledger);

    public async Task SettleAsync(TimeProvider clock, TextWriter? progress, CancellationToken ct)
    {
        if (_ledger.LastExpiry is not { } last) return;
        var wait = last + behaviour.SettleMargin - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        progress?.WriteLine($"Waiting {wait.TotalSeconds:0} s for the last hold to run out (at {last.UtcDateTime:HH:mm:ss}Z) and its callbacks to land…");
        await Task.Delay(wait, clock, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Violation>> VerifyAsync(
        BookingServiceClient client, AdminSession admin, IReadOnlyList<PoolReadback> pools, DateTimeOffset readAt, CancellationToken ct)
    {
        var days = await ReadReconciliationAsync(client, admin, readAt, ct).ConfigureAwait(false);
        _unknown = PaymentVerifier.Unknown(pools, _ledger);
        return PaymentVerifier.Verify(pools, _ledger, days, PoolFeeFen, readAt, behaviour.SettleMargin);
    }

    /// <summary>
    /// The report is per hospital day, in a zone the suite does not know: the UTC days around the run,
    /// one either side, hold every payment it made whatever the zone.
    /// </summary>
    private static async Task<IReadOnlyList<ReconciliationDay>?> ReadReconciliationAsync(
        BookingServiceClient client, AdminSession admin, DateTimeOffset readAt, CancellationToken ct)
    {
        var first = DateOnly.FromDateTime(readAt.UtcDateTime.AddHours(-1)).AddDays(-1);
        var last = DateOnly.FromDateTime(readAt.UtcDateTime).AddDays(1);
        var days = new List<ReconciliationDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var call = await admin.CallAsync(token => client.GetReconciliationAsync(day, token, ct), $"Reading the reconciliation of {day}", ct)
                .ConfigureAwait(false);
            if (call.Body is not { } report) return null;
            days.Add(report);
        }
        return days;
    }

    public ReportTable Summary()
    {
        var holds = _ledger.Holds;
        string Count(Func<HoldSeen, bool> which) => Figures.Count(holds.Count(which));
        return new ReportTable("Payment at booking (sandbox provider)", ["holds", "count"],
        [
            ["held (201 pending_payment)", Figures.Count(holds.Count)],
            ["paid at the provider", Count(h => h.PaidAtProvider)],
            ["meant to pay, not settled", Count(h => h.Intent == PaymentIntent.Pay && h.Pay == PayOutcome.NotPaid)],
            ["pay pressed, cut off unanswered (outcome unknown, no violation either way)", _unknown.Describe("paid")],
            ["card failed, then gave up", Count(h => h.Intent == PaymentIntent.Fail)],
            ["walked away (hold runs out)", Count(h => h.Intent == PaymentIntent.Abandon)],
            ["booked without a hold", Figures.Count(_ledger.BookedWithoutHold)],
            ["hold length", $"{behaviour.HoldMinutes} min"],
        ]);
    }
}
