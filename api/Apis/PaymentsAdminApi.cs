using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Payments;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>For the hospital's finance office: a day's payments, refunds and expired holds, and what does not add up.</summary>
public static class PaymentsAdminApi
{
    /// <summary>Before any payment this service can have taken.</summary>
    public static readonly DateOnly FirstReconciledDay = new(2000, 1, 1);

    public static IEndpointRouteBuilder MapPaymentsAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/payments").WithTags("Payments").RequireAuthorization(AccessPolicies.Admin).AddEndpointFilter<GrainFaultFilter>()
            .MapGet("/reconciliation", GetReconciliation)
            .WithName(nameof(GetReconciliation))
            .WithSummary("Reconciliation of one day")
            .WithDescription("date (yyyy-MM-dd, the hospital's day, up to today; default today): payments paid, refunds opened, holds that ran out, and mismatches "
                + "(paid_not_booked, booked_not_paid, paid_at_provider_only, paid_in_service_only). CSV with ?format=csv or Accept: text/csv.")
            .Produces<ReconciliationReport>()
            .Produces<string>(StatusCodes.Status200OK, Reconciliation.CsvContentType)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status503ServiceUnavailable, PaymentProblems.ProviderUnavailable)
            .ProducesRetryLater();
        return app;
    }

    public static async Task<IResult> GetReconciliation(
        string? date, string? format, HttpRequest request, Reconciliation reconciliation, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime);
        var day = date is null ? today : FieldRules.CheckDate(errors, "date", date);
        // A day's bounds are computed from its midnights: kept to days that can hold payments, none overflows.
        if (day < FirstReconciledDay || day > today)
        {
            errors.Add("date", $"date must be from {FirstReconciledDay:yyyy-MM-dd} to today ({today:yyyy-MM-dd} in the hospital).");
            day = null;
        }
        var csv = StatisticsAdminApi.WantsCsv(format, request, errors);
        if (errors.Any || day is not { } chosen) return BookingProblems.ValidationFailed(errors);

        ReconciliationReport report;
        try
        {
            report = await reconciliation.ForDayAsync(chosen, cancellationToken);
        }
        catch (PaymentProviderUnavailableException)
        {
            return PaymentProblems.ProviderDown();
        }
        return csv
            ? TypedResults.Text(Reconciliation.ToCsv(report), Reconciliation.CsvContentType + "; charset=utf-8")
            : TypedResults.Ok(report);
    }
}
