using System.Globalization;
using System.Text;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Payments;

namespace OrleansBooking.Api.Payments;

/// <summary>Sets the service's books beside the provider's for one hospital day.</summary>
public sealed class Reconciliation(IPaymentLedger ledger, IPaymentProvider provider, HospitalTime time)
{
    public async Task<ReconciliationReport> ForDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var from = Midnight(date);
        var to = Midnight(date.AddDays(1));
        var ours = await ledger.ReadDayAsync(from, to, cancellationToken);
        var theirs = await provider.ListPaidAsync(from, to, cancellationToken);

        var mismatches = new List<ReconciliationMismatch>();
        mismatches.AddRange(ours.PaidNotBooked.Select(p => new ReconciliationMismatch(MismatchKinds.PaidNotBooked, p.PaymentId, p.ReservationId, p.ProviderPaymentId, p.PaidFen)));
        mismatches.AddRange(ours.BookedNotPaid.Select(r => new ReconciliationMismatch(MismatchKinds.BookedNotPaid, null, r, null, null)));
        var recorded = ours.Paid.ToDictionary(p => p.PaymentId, StringComparer.Ordinal);
        var atProvider = theirs.ToDictionary(p => p.PaymentId, StringComparer.Ordinal);
        mismatches.AddRange(theirs.Where(p => !recorded.TryGetValue(p.PaymentId, out var mine) || mine.PaidFen != p.AmountFen)
            .Select(p => new ReconciliationMismatch(MismatchKinds.PaidAtProviderOnly, p.PaymentId, recorded.GetValueOrDefault(p.PaymentId)?.ReservationId, p.ProviderPaymentId, p.AmountFen)));
        mismatches.AddRange(ours.Paid.Where(p => !atProvider.ContainsKey(p.PaymentId))
            .Select(p => new ReconciliationMismatch(MismatchKinds.PaidInServiceOnly, p.PaymentId, p.ReservationId, p.ProviderPaymentId, p.PaidFen)));

        return new ReconciliationReport(
            date.ToString(WireFormats.Date, CultureInfo.InvariantCulture), time.ToLocal(from), time.ToLocal(to), provider.Name,
            ours.Paid.Count, ours.Paid.Sum(p => p.PaidFen),
            ours.Refunds.Count, ours.Refunds.Sum(r => r.AmountFen), ours.Refunds.Count(r => r.Status == RefundStatuses.Pending),
            ours.ExpiredHolds,
            ours.Paid.Select(p => new ReconciliationPayment(p.PaymentId, p.ReservationId, p.ProviderPaymentId, p.PaidFen, time.ToLocal(p.PaidAt), p.ReservationStatus)).ToList(),
            ours.Refunds.Select(r => new ReconciliationRefund(r.RefundId, r.AmountFen, r.Reason, r.Status, time.ToLocal(r.RequestedAt),
                r.ConfirmedAt is { } at ? time.ToLocal(at) : null)).ToList(),
            mismatches);
    }

    private DateTimeOffset Midnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, time.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public const string CsvContentType = "text/csv";

    /// <summary>One line per payment, refund and mismatch after a line per total; text cells neutralised as in every CSV export.</summary>
    public static string ToCsv(ReconciliationReport report)
    {
        var csv = new StringBuilder("record,kind,id,reservation_id,provider_payment_id,amount_fen,status,at\r\n");
        void Line(string record, string? kind, string? id, string? reservation, string? providerId, long? amount, string? status, DateTimeOffset? at) =>
            csv.Append(record).Append(',').Append(CsvCells.Text(kind)).Append(',').Append(CsvCells.Text(id)).Append(',')
                .Append(CsvCells.Text(reservation)).Append(',').Append(CsvCells.Text(providerId)).Append(',')
                .Append(amount?.ToString(CultureInfo.InvariantCulture)).Append(',').Append(CsvCells.Text(status)).Append(',')
                .Append(at?.ToString("O", CultureInfo.InvariantCulture)).Append("\r\n");

        Line("total", "paid", report.Date, null, null, report.PaidFen, report.PaidCount.ToString(CultureInfo.InvariantCulture), null);
        Line("total", "refunds", report.Date, null, null, report.RefundFen, report.RefundCount.ToString(CultureInfo.InvariantCulture), null);
        Line("total", "expired_holds", report.Date, null, null, null, report.ExpiredHolds.ToString(CultureInfo.InvariantCulture), null);
        foreach (var p in report.Paid) Line("payment", null, p.PaymentId, p.ReservationId, p.ProviderPaymentId, p.PaidFen, p.ReservationStatus, p.PaidAt);
        foreach (var r in report.Refunds) Line("refund", r.Reason, r.RefundId, null, null, r.AmountFen, r.Status, r.RequestedAt);
        foreach (var m in report.Mismatches) Line("mismatch", m.Kind, m.PaymentId, m.ReservationId, m.ProviderPaymentId, m.AmountFen, null, null);
        return csv.ToString();
    }
}
