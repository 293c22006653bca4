using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Password and code sign-in with lockout: enough failed passwords in a row lock the account for a
/// while, during which even the right password is refused. A wrong login and a wrong password answer
/// alike, so nobody learns which logins exist.
/// </summary>
public sealed class AccountSignIn(
    IAccountStore store, AccountPasswords passwords, OneTimeCodes codes, IOptions<AccountOptions> options, TimeProvider clock)
{
    private AccountOptions Options => options.Value;

    public async Task<SignInOutcome> WithPasswordAsync(string login, string password, CancellationToken cancellationToken)
    {
        var account = await store.FindByLoginAsync(login, cancellationToken);
        var now = clock.GetUtcNow();
        if (account is not null && account.IsLockedAt(now)) return new SignInOutcome.Locked(account.LockedUntil!.Value);

        var (valid, rehash) = passwords.Verify(account?.PasswordHash, password);
        if (account is null) return new SignInOutcome.InvalidCredentials();
        if (!valid)
        {
            // A lock that has run out starts the count again.
            if (account.LockedUntil is not null) await store.ResetSignInFailuresAsync(account.AccountId, null, cancellationToken);
            var counted = await store.RecordFailedSignInAsync(
                account.AccountId, Options.MaxFailedSignIns, now.AddMinutes(Options.LockoutMinutes), cancellationToken);
            return counted is not null && counted.IsLockedAt(now)
                ? new SignInOutcome.Locked(counted.LockedUntil!.Value)
                : new SignInOutcome.InvalidCredentials();
        }

        if (account.FailedSignIns > 0 || account.LockedUntil is not null || rehash is not null)
            await store.ResetSignInFailuresAsync(account.AccountId, rehash, cancellationToken);
        return new SignInOutcome.SignedIn(account);
    }

    /// <summary>Sends a sign-in code to a patient's mobile. An unknown number answers the same and gets nothing.</summary>
    public async Task<CodeSendOutcome> SendCodeAsync(string mobile, CancellationToken cancellationToken)
    {
        if (await store.FindByLoginAsync(mobile, cancellationToken) is not { Role: AccountRoles.Patient })
            return new CodeSendOutcome.Sent(clock.GetUtcNow().AddMinutes(Options.CodeValidMinutes));
        return await codes.SendAsync(mobile, CodePurpose.SignIn, cancellationToken);
    }

    public async Task<SignInOutcome> WithCodeAsync(string mobile, string code, CancellationToken cancellationToken)
    {
        var account = await store.FindByLoginAsync(mobile, cancellationToken);
        if (account is not null && account.IsLockedAt(clock.GetUtcNow())) return new SignInOutcome.Locked(account.LockedUntil!.Value);
        if (account is null || !await codes.RedeemAsync(mobile, CodePurpose.SignIn, code, cancellationToken))
            return new SignInOutcome.InvalidCredentials();
        return new SignInOutcome.SignedIn(account);
    }
}

public abstract record SignInOutcome
{
    public sealed record SignedIn(Account Account) : SignInOutcome;

    public sealed record InvalidCredentials : SignInOutcome;

    public sealed record Locked(DateTimeOffset Until) : SignInOutcome;
}
