using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Opening accounts: a patient registers their own with a mobile number proved by a one-time code;
/// doctors and admins are created by an admin (and the first admin by configuration).
/// </summary>
public sealed class AccountRegistration(IAccountStore store, AccountPasswords passwords, OneTimeCodes codes, TimeProvider clock)
{
    /// <summary>
    /// A code to open an account, or — for a number that has one — a message saying so, answered
    /// alike: the caller learns nothing of who is a patient here; only the phone's owner does.
    /// </summary>
    public async Task<CodeSendOutcome> SendCodeAsync(string mobile, CancellationToken cancellationToken) =>
        await store.FindByLoginAsync(mobile, cancellationToken) is not null
            ? await codes.SendNoticeInsteadAsync(mobile, CodePurpose.Register, AccountNotice.AlreadyRegistered, cancellationToken)
            : await codes.SendAsync(mobile, CodePurpose.Register, cancellationToken);

    public async Task<RegistrationOutcome> RegisterPatientAsync(
        string mobile, string code, string password, string? displayName, CancellationToken cancellationToken)
    {
        if (!await codes.RedeemAsync(mobile, CodePurpose.Register, code, cancellationToken)) return new RegistrationOutcome.CodeInvalid();
        var account = NewAccount(AccountRoles.Patient, mobile, password, displayName ?? PhoneMasking.Mask(mobile), doctorId: null);
        return await CreateAsync(account, cancellationToken);
    }

    public Task<RegistrationOutcome> CreateStaffAsync(
        string role, string login, string password, string displayName, string? doctorId, CancellationToken cancellationToken) =>
        CreateAsync(NewAccount(role, login, password, displayName, doctorId), cancellationToken);

    /// <summary>Creates the configured first admin unless an admin exists; true when it was created.</summary>
    public async Task<bool> EnsureFirstAdminAsync(string login, string password, CancellationToken cancellationToken)
    {
        if (await store.AnyAdminAsync(cancellationToken)) return false;
        return await CreateAsync(NewAccount(AccountRoles.Admin, login, password, "Administrator", null), cancellationToken)
            is RegistrationOutcome.Registered;
    }

    /// <summary>
    /// Accounts for the synthetic patients a load test registers in bulk: login = account id = patient
    /// id, one password for all (hashed once — every hash carries its own salt, so sharing one is as
    /// safe as the password itself).
    /// </summary>
    public Task<int> CreateSyntheticPatientsAsync(IEnumerable<string> accountIds, string password, CancellationToken cancellationToken)
    {
        var hash = passwords.Hash(password);
        var now = clock.GetUtcNow();
        var accounts = accountIds.Select(id => new Account(id, AccountRoles.Patient, id, hash, id, null, now)).ToList();
        return store.CreateManyAsync(accounts, cancellationToken);
    }

    /// <summary>What an account id starts with, before its GUID (<see cref="CompactClaimValue"/> keeps the GUID as 16 bytes).</summary>
    public const string AccountIdPrefix = "acct-";

    private Account NewAccount(string role, string login, string password, string displayName, string? doctorId) =>
        new(AccountIdPrefix + Guid.NewGuid().ToString("N"), role, login, passwords.Hash(password), displayName, doctorId, clock.GetUtcNow());

    private async Task<RegistrationOutcome> CreateAsync(Account account, CancellationToken cancellationToken) =>
        await store.CreateAsync(account, cancellationToken) ? new RegistrationOutcome.Registered(account) : new RegistrationOutcome.LoginTaken();
}

public abstract record RegistrationOutcome
{
    public sealed record Registered(Account Account) : RegistrationOutcome;

    public sealed record CodeInvalid : RegistrationOutcome;

    public sealed record LoginTaken : RegistrationOutcome;
}
