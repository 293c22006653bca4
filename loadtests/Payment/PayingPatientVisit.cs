using System.Text.RegularExpressions;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Payment;

/// <summary>
/// A patient of <c>rush --payment</c>: books as in the rush; a hold is then paid a few seconds later
/// through the sandbox provider as its hosted pay page does it (open the payment, follow payUrl,
/// press pay), or the card fails, or the patient walks away; some who paid cancel later (a refund).
/// </summary>
public sealed partial class PayingPatientVisit : IArrivalWork
{
    private readonly VisitContext _context;
    private readonly PaymentBehaviour _payment;
    private readonly PaymentLedger _ledger;
    private readonly DoctorChoices _choices;
    private readonly PatientBehaviour _behaviour;
    private readonly TimeProvider _clock;

    public PayingPatientVisit(VisitContext context, PaymentBehaviour payment, PaymentLedger ledger)
    {
        _context = context;
        _payment = payment;
        _ledger = ledger;
        _behaviour = context.Scenario.Behaviour;
        _clock = context.Measurements.Clock;
        _choices = new DoctorChoices(context);
    }

    public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
    {
        var (_, _, token, _, reservation, _) = await _choices.BookAsync(index, intendedTimestamp, cancellationToken).ConfigureAwait(false);
        if (reservation is null) return;
        if (reservation is not { Status: Reservation.PendingPayment, Payment: not null })
        {
            _ledger.NotHeld();
            return;
        }

        // Decisions from dice of their own, apart from the doctor choices.
        var decide = new VisitDice(_context.Scenario.Load.Seed ^ 0x5A17, index);
        double roll = decide.NextDouble();
        var intent = roll < _payment.AbandonRatio ? PaymentIntent.Abandon
            : roll < _payment.AbandonRatio + _payment.FailRatio ? PaymentIntent.Fail
            : PaymentIntent.Pay;
        _ledger.Held(reservation, intent);
        if (intent != PaymentIntent.Pay)
        {
            // The rush's own check then accepts the hold either still held or given back; the payment check
            // demands that it ran out.
            _context.Ledger.CancellationRequested(reservation.ReservationId);
            if (intent == PaymentIntent.Abandon) return;
        }

        await Task.Delay(_payment.PayAfter, _clock, cancellationToken).ConfigureAwait(false);
        if (!await PayAsync(reservation, token, pay: intent == PaymentIntent.Pay, cancellationToken).ConfigureAwait(false)) return;
        if (intent == PaymentIntent.Pay && decide.NextDouble() < _behaviour.CancelRatio)
        {
            await Task.Delay(_behaviour.CancelAfter, _clock, cancellationToken).ConfigureAwait(false);
            await PatientCancellation.RunAsync(_context, reservation, token, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>True when the sandbox settled the payment as the patient pressed.</returns>
    private async Task<bool> PayAsync(Reservation hold, BearerToken? token, bool pay, CancellationToken ct)
    {
        var opened = await PatientRetry.RunAsync(
            () => _context.Client.OpenPaymentAsync(hold.ReservationId, token, ct), RequestKind.Payment, _context.Measurements, _behaviour, ct)
            .ConfigureAwait(false);
        if (opened.Body is not { } payment || ProviderPaymentIdOf(payment.PayUrl) is not { } providerPaymentId) return false;
        _ledger.Opened(hold.ReservationId, payment);
        ServiceCall<SandboxPaymentState> settled;
        try
        {
            settled = await PatientRetry.RunAsync(
                () => _context.Client.SettleSandboxPaymentAsync(providerPaymentId, pay, ct), RequestKind.Payment, _context.Measurements, _behaviour, ct)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && pay)
        {
            // Pressed and cut off unanswered: the sandbox may have taken the money or not. Unknown, never paid, in
            // the payment ledger; and as the hold may then run out, the rush's check allows it held or given back.
            _ledger.PayCutOff(hold.ReservationId);
            _context.Ledger.CancellationRequested(hold.ReservationId);
            throw;
        }
        if (settled.Body is not { } state) return false;
        if (pay && state.Status == "paid") _ledger.PaidAtProvider(hold.ReservationId);
        return true;
    }

    /// <summary>The hosted pay page reads its payment from <c>?payment=sbx…</c>, and so does the patient here.</summary>
    public static string? ProviderPaymentIdOf(string? payUrl) =>
        payUrl is not null && PaymentParameter().Match(payUrl) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("[?&]payment=(sbx[0-9a-f]{32})", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentParameter();
}
