using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>Sign-in, tokens and authorisation. Needs <see cref="IAccountStore"/>, <see cref="ISignInCodeSender"/> and <see cref="TimeProvider"/>.</summary>
public static class AccountsApiRegistration
{
    public static IServiceCollection AddBookingAccounts(this IServiceCollection services)
    {
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
