using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Notifications;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>What the signed-in patient account wants to be told: the day-before reminder on or off, and the language.</summary>
public static class NotificationPreferencesApi
{
    public static IEndpointRouteBuilder MapNotificationPreferencesApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/account/notification-preferences").WithTags("Notifications").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Patient);

        own.MapGet("/", GetNotificationPreferences)
            .WithName(nameof(GetNotificationPreferences))
            .WithSummary("The account's notification choices")
            .WithDescription("reminders: the message the day before a visit (default on); language: zh, en, or null for the hospital's.")
            .ProducesRetryLater();

        own.MapPut("/", SetNotificationPreferences)
            .WithName(nameof(SetNotificationPreferences))
            .WithSummary("Turn reminders on or off and choose the language")
            .WithDescription("For every patient the account manages. Confirmations, cancellations and stop-clinic notices are always sent; "
                + "a reminder already queued is dropped when it is due if reminders are off by then.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Ok<NotificationPreferencesResponse>> GetNotificationPreferences(
        ClaimsPrincipal user, INotificationPreferences preferences, CancellationToken cancellationToken) =>
        TypedResults.Ok(NotificationPreferencesResponse.From(await preferences.ReadAsync(user.AccountIdOf()!, cancellationToken)));

    public static async Task<Results<Ok<NotificationPreferencesResponse>, ProblemHttpResult>> SetNotificationPreferences(
        NotificationPreferencesRequest request, ClaimsPrincipal user, INotificationPreferences preferences, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (request.Reminders is null) errors.Add("reminders", "reminders is required (true or false).");
        if (request.Language is not null && !NotificationLanguages.IsKnown(request.Language))
            errors.Add("language", $"language must be {NotificationLanguages.Chinese}, {NotificationLanguages.English} or null.");
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var chosen = new NotificationPreferences(request.Reminders!.Value, request.Language);
        await preferences.SaveAsync(user.AccountIdOf()!, chosen, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(NotificationPreferencesResponse.From(chosen));
    }
}
