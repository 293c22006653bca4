using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Waitlist;
using OrleansBooking.Api.OpenApi;

namespace OrleansBooking.Api.Apis;

/// <summary>"My waitlists": where each of the account's patients stands on every waitlist of a session still to come.</summary>
public static class AccountWaitlistsApi
{
    public static IEndpointRouteBuilder MapAccountWaitlistsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/account/waitlists", ListAccountWaitlists)
            .WithTags("Waitlist")
            .RequireAuthorization(AccessPolicies.Patient)
            .WithName(nameof(ListAccountWaitlists))
            .WithSummary("List the account's patients' waitlist entries")
            .WithDescription("Every entry of a session from today on, by visit date: waiting (with its position, 1 = next), offered "
                + "(with the number held and its deadline), taken (with the reservation), lapsed (expired, declined, or withdrawn "
                + "when the clinic was stopped) or left. Read from committed rows, so it may be a moment behind the pool.")
            .ProducesRetryLater();
        return app;
    }

    public static async Task<Ok<AccountWaitlistsResponse>> ListAccountWaitlists(
        ClaimsPrincipal user, IAccountWaitlists waitlists, HospitalTime time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime);
        return TypedResults.Ok(AccountWaitlistsResponse.From(await waitlists.ListAsync(user.AccountIdOf()!, today, cancellationToken), time));
    }
}
