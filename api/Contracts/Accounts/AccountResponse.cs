using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Contracts.Accounts;

/// <summary>An account as its owner or an admin sees it. A mobile-number login shows in full only to its owner.</summary>
public sealed record AccountResponse(
    string AccountId, string Role, string Login, string DisplayName, string? DoctorId, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt)
{
    public static AccountResponse From(Account account, bool masked) => new(
        account.AccountId,
        account.Role,
        masked && CredentialRules.IsMobile(account.Login) ? PhoneMasking.Mask(account.Login) : account.Login,
        masked && CredentialRules.IsMobile(account.DisplayName) ? PhoneMasking.Mask(account.DisplayName) : account.DisplayName,
        account.DoctorId,
        account.CreatedAt,
        account.DisabledAt);
}

/// <summary>A code is on its way (or, for an unknown number when signing in, seemingly so).</summary>
public sealed record CodeSentResponse(DateTimeOffset ExpiresAt);
