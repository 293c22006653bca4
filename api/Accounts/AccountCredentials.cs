using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Changing what an account signs in with: a forgotten patient password reset by a code to the
/// phone, a password changed by its owner, a mobile number changed with codes to the old and the
/// new number. Whatever replaces a password also ends the sessions the old one opened.
/// </summary>
public sealed class AccountCredentials(
    IAccountStore store, AccountPasswords passwords, OneTimeCodes codes, AccountSessions sessions, IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <summary>A reset code to a patient account's mobile; any other number is answered alike and sent nothing.</summary>
    public async Task<CodeSendOutcome> SendResetCodeAsync(string mobile, CancellationToken cancellationToken) =>
        await store.FindByLoginAsync(mobile, cancellationToken) is { Role: AccountRoles.Patient }
            ? await codes.SendAsync(mobile, CodePurpose.PasswordReset, cancellationToken)
            : await codes.PretendToSendAsync(mobile, CodePurpose.PasswordReset, cancellationToken);

    /// <summary>False for a wrong or expired code (or a number without a patient account): nothing changes.</summary>
    public async Task<bool> ResetPasswordAsync(string mobile, string code, string newPassword, CancellationToken cancellationToken)
    {
        if (!await codes.RedeemAsync(mobile, CodePurpose.PasswordReset, code, cancellationToken)) return false;
        if (await store.FindByLoginAsync(mobile, cancellationToken) is not { Role: AccountRoles.Patient } account) return false;
        // Whoever knew the old password (or guessed at it) is out: its sessions end and its locks go with it.
        await ReplacePasswordAsync(account.AccountId, newPassword, keepSession: null, cancellationToken);
        return true;
    }

    /// <summary>
    /// The owner's own change: the current password must be right. Wrong ones count toward the
    /// address's lockout, so a stolen access token is no way to guess the password behind it.
    /// </summary>
    public async Task<ChangePasswordOutcome> ChangePasswordAsync(
        Account account, string currentPassword, string newPassword, string client, string? keepSession, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.FindSignInLockAsync(account.AccountId, client, now, cancellationToken) is { } lockedUntil)
            return new ChangePasswordOutcome.Locked(lockedUntil);
        if (!passwords.Verify(account.PasswordHash, currentPassword).Valid)
        {
            var locked = await store.RecordFailedSignInAsync(account.AccountId, client, options.Value.MaxFailedSignIns,
                earlier => now + SignInBackOff.LockFor(earlier, options.Value), cancellationToken);
            return locked is { } until ? new ChangePasswordOutcome.Locked(until) : new ChangePasswordOutcome.WrongPassword();
        }
        await ReplacePasswordAsync(account.AccountId, newPassword, keepSession, cancellationToken);
        return new ChangePasswordOutcome.Changed();
    }

    /// <summary>An admin's reset of a staff password (patients reset their own by code).</summary>
    public Task SetStaffPasswordAsync(Account account, string newPassword, CancellationToken cancellationToken) =>
        ReplacePasswordAsync(account.AccountId, newPassword, keepSession: null, cancellationToken);

    /// <summary>
    /// A code to the account's current number (proving the owner) and one to the new number
    /// (proving it is theirs). A new number that has an account gets the "already registered"
    /// message instead, and the answer is the same.
    /// </summary>
    public async Task<CodeSendOutcome> SendMobileChangeCodesAsync(Account account, string newMobile, CancellationToken cancellationToken)
    {
        if (await codes.SendAsync(account.Login, CodePurpose.MobileChange, cancellationToken) is CodeSendOutcome.TooSoon tooSoon) return tooSoon;
        return await store.FindByLoginAsync(newMobile, cancellationToken) is not null
            ? await codes.SendNoticeInsteadAsync(newMobile, CodePurpose.MobileChange, AccountNotice.AlreadyRegistered, cancellationToken)
            : await codes.SendAsync(newMobile, CodePurpose.MobileChange, cancellationToken);
    }

    public async Task<ChangeMobileOutcome> ChangeMobileAsync(
        Account account, string newMobile, string currentCode, string newCode, CancellationToken cancellationToken)
    {
        // Both codes are tried (and counted) whatever the first one gives: a guess costs both.
        var current = await codes.RedeemAsync(account.Login, CodePurpose.MobileChange, currentCode, cancellationToken);
        var fresh = await codes.RedeemAsync(newMobile, CodePurpose.MobileChange, newCode, cancellationToken);
        if (!current || !fresh) return new ChangeMobileOutcome.CodeInvalid();
        if (!await store.ChangeLoginAsync(account.AccountId, newMobile, cancellationToken)) return new ChangeMobileOutcome.LoginTaken();
        return new ChangeMobileOutcome.Changed((await store.FindAsync(account.AccountId, cancellationToken))!);
    }

    private async Task ReplacePasswordAsync(string accountId, string newPassword, string? keepSession, CancellationToken cancellationToken)
    {
        await store.SetPasswordHashAsync(accountId, passwords.Hash(newPassword), cancellationToken);
        await store.ClearSignInFailuresAsync(accountId, client: null, cancellationToken);
        await sessions.EndAllAsync(accountId, keepSession, cancellationToken);
    }
}

public abstract record ChangePasswordOutcome
{
    public sealed record Changed : ChangePasswordOutcome;

    public sealed record WrongPassword : ChangePasswordOutcome;

    public sealed record Locked(DateTimeOffset Until) : ChangePasswordOutcome;
}

public abstract record ChangeMobileOutcome
{
    public sealed record Changed(Account Account) : ChangeMobileOutcome;

    public sealed record CodeInvalid : ChangeMobileOutcome;

    public sealed record LoginTaken : ChangeMobileOutcome;
}
