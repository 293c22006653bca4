using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Analytics;

namespace OrleansBooking.Api.Apis;

/// <summary>Planning aids for management: the M/M/s (Erlang C) waiting-time estimate of a session.</summary>
public static class AnalyticsApi
{
    public const double MaxArrivalsPerHour = 100_000;
    public const double MaxServiceMinutes = 1_440;
    public const int MaxServers = 1_000;

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(AccessPolicies.Admin)
            .MapGet("/queue-estimate", GetQueueEstimate)
            .WithName(nameof(GetQueueEstimate))
            .WithSummary("Waiting-time estimate (M/M/s, Erlang C)")
            .WithDescription("Patients arriving at random (Poisson) at arrivalsPerHour, consultations of serviceMinutes on average " +
                             "(exponential), servers doctors sharing one queue. Minutes throughout. Arrivals at or above what the " +
                             "doctors can see (servers × 60 / serviceMinutes an hour) never settle: 422 queue_unstable.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, ProblemCodes.QueueUnstable);
        return app;
    }

    public static Results<Ok<QueueEstimateResponse>, ProblemHttpResult> GetQueueEstimate(
        string? arrivalsPerHour, string? serviceMinutes, string? servers)
    {
        var errors = new RequestErrors();
        var arrivals = PositiveNumber(errors, "arrivalsPerHour", arrivalsPerHour, MaxArrivalsPerHour);
        var service = PositiveNumber(errors, "serviceMinutes", serviceMinutes, MaxServiceMinutes);
        int? doctors = null;
        if (servers is null) errors.Add("servers", "servers is required.");
        else if (!int.TryParse(servers, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < 1 || s > MaxServers)
            errors.Add("servers", $"servers must be a whole number between 1 and {MaxServers}.");
        else doctors = s;
        if (errors.Any || arrivals is not { } lambda || service is not { } minutes || doctors is not { } count)
            return BookingProblems.ValidationFailed(errors);

        var capacity = ErlangC.CapacityPerHour(minutes, count);
        if (ErlangC.Estimate(lambda, minutes, count) is not { } estimate)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The queue would grow without end.",
                Detail = $"{lambda.ToString(CultureInfo.InvariantCulture)} arrivals an hour reach or exceed the " +
                         $"{capacity.ToString(CultureInfo.InvariantCulture)} patients an hour {count} doctor(s) can see; no steady waiting time exists.",
                Extensions =
                {
                    [BookingProblems.CodeKey] = ProblemCodes.QueueUnstable,
                    ["capacityPerHour"] = capacity,
                    ["utilisation"] = lambda / capacity,
                },
            });
        }
        return TypedResults.Ok(new QueueEstimateResponse(
            lambda, minutes, count, capacity, estimate.Utilisation, estimate.ProbabilityOfWaiting, estimate.MeanWaitMinutes,
            estimate.MeanQueueLength, estimate.MeanTimeInClinicMinutes));
    }

    // Parsed here rather than bound: "1,5" or "NaN" (which double.TryParse accepts) must be a 400 that names the field.
    private static double? PositiveNumber(RequestErrors errors, string field, string? value, double max)
    {
        if (value is null) errors.Add(field, $"{field} is required.");
        else if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) || number <= 0 || number > max)
            errors.Add(field, $"{field} must be a number greater than 0 and at most {max.ToString(CultureInfo.InvariantCulture)}.");
        else return number;
        return null;
    }
}

/// <summary>The M/M/s estimate with the inputs it was computed from. Times in minutes, rates per hour.</summary>
public sealed record QueueEstimateResponse(
    double ArrivalsPerHour,
    double ServiceMinutes,
    int Servers,
    double CapacityPerHour,
    double Utilisation,
    double ProbabilityOfWaiting,
    double MeanWaitMinutes,
    double MeanQueueLength,
    double MeanTimeInClinicMinutes);
