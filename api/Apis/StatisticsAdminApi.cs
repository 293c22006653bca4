using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using Microsoft.Net.Http.Headers;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Statistics;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>For the hospital's management: numbers released and booked, fill rate, sell-out time, cancellations, no-shows.</summary>
public static class StatisticsAdminApi
{
    /// <summary>The longest span one request may cover: a year and a day (a leap year, inclusive).</summary>
    public const int MaxDays = 366;

    public const int MaxTop = 1000;

    public static IEndpointRouteBuilder MapStatisticsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/statistics").WithTags("Statistics").RequireAuthorization(AccessPolicies.Admin);
        Map(api, "/days", StatisticsGrouping.Day, "Statistics per visit day", "One row per date, in date order.");
        Map(api, "/departments", StatisticsGrouping.Department, "Statistics per department, busiest first",
            "The ranking of the busiest departments (most numbers booked). Pools that name no department are one row with departmentId null.");
        Map(api, "/doctors", StatisticsGrouping.Doctor, "Statistics per doctor, busiest first", "One row per doctor, most numbers booked first.");
        return app;
    }

    private static void Map(RouteGroupBuilder api, string pattern, StatisticsGrouping by, string summary, string description) =>
        api.MapGet(pattern, (string? from, string? to, int? top, string? format, HttpRequest request, IHospitalStatistics statistics,
                HospitalTime time, CancellationToken cancellationToken) =>
                GetStatistics(by, from, to, top, format, request, statistics, time, cancellationToken))
            .WithName("GetStatisticsBy" + by)
            .WithSummary(summary)
            .WithDescription(description + " Visit dates from..to (yyyy-MM-dd, inclusive, at most 366 days; default today). " +
                             "top: only the first N rows by rank. JSON states from and to; CSV (?format=csv or Accept: text/csv) comes as a file "
                             + "named for them (statistics-{grouping}-{from}-to-{to}.csv).")
            .Produces<StatisticsResponse>(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, StatisticsCsv.ContentType)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed);

    public static async Task<Results<Ok<StatisticsResponse>, ContentHttpResult, ProblemHttpResult>> GetStatistics(
        StatisticsGrouping by, string? from, string? to, int? top, string? format, HttpRequest request,
        IHospitalStatistics statistics, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime).ToString(WireFormats.Date, CultureInfo.InvariantCulture);
        var first = FieldRules.CheckDate(errors, "from", from ?? today);
        var last = FieldRules.CheckDate(errors, "to", to ?? today);
        if (first is { } f && last is { } l && (l < f || l.DayNumber - f.DayNumber >= MaxDays))
            errors.Add("to", $"to must be on or after from, at most {MaxDays} days in all.");
        FieldRules.CheckRange(errors, "top", top, 1, MaxTop, required: false);
        var csv = WantsCsv(format, request, errors);
        if (errors.Any || first is not { } start || last is not { } end) return BookingProblems.ValidationFailed(errors);

        var asOf = time.Now;
        IReadOnlyList<StatisticsRow> rows = await statistics.ReadAsync(by, start, end, asOf, cancellationToken);
        if (top is { } limit) rows = rows.Where(r => r.Rank <= limit).ToList();
        var (firstDay, lastDay) = (start.ToString(WireFormats.Date, CultureInfo.InvariantCulture), end.ToString(WireFormats.Date, CultureInfo.InvariantCulture));
        if (csv)
        {
            // A CSV has no place for the range but its name: a saved file still says which days it covers.
            request.HttpContext.Response.Headers.ContentDisposition =
                $"attachment; filename=\"statistics-{FieldRules.WireName(by)}-{firstDay}-to-{lastDay}.csv\"";
            return TypedResults.Text(StatisticsCsv.Write(by, rows), StatisticsCsv.ContentType + "; charset=utf-8");
        }
        return TypedResults.Ok(new StatisticsResponse(firstDay, lastDay, by, time.ToLocal(asOf), rows));
    }

    // ?format wins over Accept, so a link in a browser can ask for a download.
    internal static bool WantsCsv(string? format, HttpRequest request, RequestErrors errors)
    {
        switch (format)
        {
            case "csv": return true;
            case "json": return false;
            case null: break;
            default:
                errors.Add("format", "format must be one of: json, csv.");
                return false;
        }
        // Accept: CSV when it is listed and not ranked below JSON.
        var accepted = request.GetTypedHeaders().Accept;
        var csv = Quality(accepted, StatisticsCsv.ContentType);
        return csv > 0 && csv >= Quality(accepted, "application/json");
    }

    private static double Quality(IList<MediaTypeHeaderValue> accepted, string mediaType) =>
        accepted.Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1.0).DefaultIfEmpty(-1).Max();
}
