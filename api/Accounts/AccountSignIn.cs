using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Password and code sign-in with lockout that is not a weapon: a streak of wrong passwords locks
/// only the (account, client address) pair it came from, each further lock of the pair twice as
/// long (<see cref="SignInBackOff"/>). The owner elsewhere still signs in, and code sign-in is
/// never locked by wrong passwords (codes have their own guess limit). A wrong login and a wrong
/// password answer alike, so nobody learns which logins exist.
/// </summary>
public sealed class AccountSignIn(
    IAccountStore store, AccountPasswords passwords, OneTimeCodes codes, IOptions<AccountOptions> options, TimeProvider clock,
    RetiredDoctors retiredDoctors)
{
    private AccountOptions Options => options.Value;

    /// <param name="client">The caller's <see cref="SignInClient"/> key.</param>
    public async Task<SignInOutcome> WithPasswordAsync(string login, string password, string client, CancellationToken cancellationToken)
    {
        var account = await store.FindByLoginAsync(login, cancellationToken);
        var now = clock.GetUtcNow();
        if (account is not null && await store.FindSignInLockAsync(account.AccountId, client, now, cancellationToken) is { } lockedUntil)
            return new SignInOutcome.Locked(lockedUntil);

        var (valid, rehash) = passwords.Verify(account?.PasswordHash, password);
        if (account is null) return new SignInOutcome.InvalidCredentials();
        if (!valid)
        {
            var locked = await store.RecordFailedSignInAsync(
                account.AccountId, client, Options.MaxFailedSignIns, earlier => now + SignInBackOff.LockFor(earlier, Options), cancellationToken);
            return locked is { } until ? new SignInOutcome.Locked(until) : new SignInOutcome.InvalidCredentials();
        }

        await store.ClearSignInFailuresAsync(account.AccountId, client, cancellationToken);
        if (rehash is not null) await store.SetPasswordHashAsync(account.AccountId, rehash, cancellationToken);
        // Said only to whoever knows the password: a disabled account is no secret from its owner.
        return await StandingAsync(account, cancellationToken);
    }

    /// <summary>Sends a sign-in code to a patient's mobile. An unknown number answers the same and gets nothing.</summary>
    public async Task<CodeSendOutcome> SendCodeAsync(string mobile, CancellationToken cancellationToken)
    {
        if (await store.FindByLoginAsync(mobile, cancellationToken) is not { Role: AccountRoles.Patient })
            return await codes.PretendToSendAsync(mobile, CodePurpose.SignIn, cancellationToken);
        return await codes.SendAsync(mobile, CodePurpose.SignIn, cancellationToken);
    }

    /// <summary>Not held up by password lockouts: the code proves the phone, and a stranger's wrong passwords must not keep its owner out.</summary>
    public async Task<SignInOutcome> WithCodeAsync(string mobile, string code, string client, CancellationToken cancellationToken)
    {
        var account = await store.FindByLoginAsync(mobile, cancellationToken);
        if (account is null || !await codes.RedeemAsync(mobile, CodePurpose.SignIn, code, cancellationToken))
            return new SignInOutcome.InvalidCredentials();
        // The owner is back: their own address's streak and locks go.
        await store.ClearSignInFailuresAsync(account.AccountId, client, cancellationToken);
        return await StandingAsync(account, cancellationToken);
    }

    private async Task<SignInOutcome> StandingAsync(Account account, CancellationToken cancellationToken)
    {
        if (account.DisabledAt is not null) return new SignInOutcome.Disabled();
        if (await retiredDoctors.IsRetiredAsync(account.DoctorId, cancellationToken)) return new SignInOutcome.DoctorRetired(account.DoctorId!);
        return new SignInOutcome.SignedIn(account);
    }
}

public abstract record SignInOutcome
{
    public sealed record SignedIn(Account Account) : SignInOutcome;

    public sealed record InvalidCredentials : SignInOutcome;

    public sealed record Locked(DateTimeOffset Until) : SignInOutcome;

    /// <summary>The right credentials of an account an admin disabled.</summary>
    public sealed record Disabled : SignInOutcome;

    /// <summary>The right credentials of a doctor account whose catalogue doctor is deactivated.</summary>
    public sealed record DoctorRetired(string DoctorId) : SignInOutcome;
}
