using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Lottery;
using OrleansBooking.Api.OpenApi;

namespace OrleansBooking.Api.Apis;

/// <summary>"My draws": where each of the account's patients stands in every draw of a session still to come.</summary>
public static class AccountLotteryEntriesApi
{
    public static IEndpointRouteBuilder MapAccountLotteryEntriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/account/lottery-entries", ListAccountLotteryEntries)
            .WithTags("Lottery")
            .RequireAuthorization(AccessPolicies.Patient)
            .WithName(nameof(ListAccountLotteryEntries))
            .WithSummary("List the account's patients' entries in draws")
            .WithDescription("Every entry of a session from today on, by visit date: entered (waiting for the draw at drawAt), won "
                + "(with the sequenceNumber drawn) or not_drawn. Read from committed rows, so it may be a moment behind the pool.")
            .ProducesRetryLater();
        return app;
    }

    public static async Task<Ok<AccountLotteryEntriesResponse>> ListAccountLotteryEntries(
        ClaimsPrincipal user, ILotteryRecords lotteries, HospitalTime time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime);
        return TypedResults.Ok(AccountLotteryEntriesResponse.From(
            await lotteries.ListAccountEntriesAsync(user.AccountIdOf()!, today, cancellationToken), time));
    }
}
