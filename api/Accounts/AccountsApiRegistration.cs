using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>Sign-in, tokens and authorisation. Needs <see cref="IAccountStore"/>, <see cref="ISignInCodeSender"/> and <see cref="TimeProvider"/>.</summary>
public static class AccountsApiRegistration
{
    /// <summary>ASP.NET Core's switch: authorise against the endpoint instead of the HttpContext.</summary>
    public const string EndpointAsAuthorizationResource = "Microsoft.AspNetCore.Authorization.SuppressUseHttpContextAsAuthorizationResource";

    public static IServiceCollection AddBookingAccounts(this IServiceCollection services)
    {
        // AuthorizationMiddleware looks this switch up on every request it authorises. Unset, the
        // lookup falls through to AppContext.GetData and its process-wide lock, which the release's
        // requests queued on in a convoy (docs/benchmarks.md §0h); set, it is found in the switch
        // table. False is the framework's default: the HttpContext stays the resource.
        AppContext.SetSwitch(EndpointAsAuthorizationResource, false);

        services.AddSingleton<AccountPasswords>();
        services.AddSingleton<OneTimeCodes>();
        services.AddSingleton<AccountSignIn>();
        services.AddSingleton<RetiredDoctors>();
        services.AddSingleton<AccountRegistration>();
        services.AddSingleton<AccountSessions>();
        services.AddSingleton<AccountCredentials>();
        services.AddSingleton<RevokedSessions>();

        services.AddAuthentication(AccountSessions.Scheme).AddBearerToken(AccountSessions.Scheme);
        services.AddOptions<BearerTokenOptions>(AccountSessions.Scheme).Configure<IOptions<AccountOptions>, TimeProvider>((bearer, accounts, clock) =>
        {
            bearer.BearerTokenExpiration = accounts.Value.AccessTokenLifetime;
            bearer.RefreshTokenExpiration = accounts.Value.RefreshTokenLifetime;
            // The tests' manual clock decides when a token expires.
            bearer.TimeProvider = clock;
        });
        // After AddBearerToken's own post-configuration, which creates the protector this wraps.
        services.AddOptions<BearerTokenOptions>(AccountSessions.Scheme).PostConfigure<IOptions<AccountOptions>, TimeProvider>((bearer, accounts, clock) =>
            bearer.BearerTokenProtector = new VerifiedTokens(bearer.BearerTokenProtector, accounts.Value, clock));
        services.AddAuthorization(AccessPolicies.Add);
        return services;
    }

    /// <summary>Who is calling: the bearer token, unless its session was signed out.</summary>
    public static WebApplication UseBookingSignIn(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<RevokedSessionCheck>();
        return app;
    }
}
