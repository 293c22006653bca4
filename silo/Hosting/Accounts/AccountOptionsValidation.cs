using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Silo.Hosting.Accounts;

/// <summary>
/// Rejects account settings that cannot work, naming the option. Outside Development and the
/// tests, the built-in code sender (which only records messages) is refused unless explicitly
/// accepted: a production silo must not tell patients "code sent" when nothing was sent.
/// </summary>
public sealed class AccountOptionsValidation(IHostEnvironment environment, ISignInCodeSender sender) : IValidateOptions<AccountOptions>
{
    public const string TestingEnvironment = "Testing";

    private const string Section = AccountOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var errors = new List<string>();
        Between(errors, nameof(options.AccessTokenMinutes), options.AccessTokenMinutes, 1, 24 * 60);
        Between(errors, nameof(options.RefreshTokenDays), options.RefreshTokenDays, 1, 90);
        Between(errors, nameof(options.MaxFailedSignIns), options.MaxFailedSignIns, 1, 100);
        Between(errors, nameof(options.LockoutMinutes), options.LockoutMinutes, 1, 24 * 60);
        Between(errors, nameof(options.MaxLockoutMinutes), options.MaxLockoutMinutes, options.LockoutMinutes, 30 * 24 * 60);
        Between(errors, nameof(options.CodeValidMinutes), options.CodeValidMinutes, 1, 60);
        Between(errors, nameof(options.CodeResendSeconds), options.CodeResendSeconds, 0, 3600);
        Between(errors, nameof(options.MaxCodeAttempts), options.MaxCodeAttempts, 1, 20);
        Between(errors, nameof(options.PasswordIterations), options.PasswordIterations, 1_000, 10_000_000);
        Between(errors, nameof(options.RevocationPollSeconds), options.RevocationPollSeconds, 1, 300);
        Between(errors, nameof(options.TokenCacheEntries), options.TokenCacheEntries, 0, 10_000_000);
        Between(errors, nameof(options.TokenCacheIdleSeconds), options.TokenCacheIdleSeconds, 1, 3600);

        if (sender.OnlyRecords && !options.AcceptOutboxCodeSender
            && !environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment))
            errors.Add($"No SMS sender is configured: Booking:Notifications:Sender is log, which only writes messages (codes too) to the log. "
                + $"Configure the webhook sender (or your own INotificationSender), or set {Section}:{nameof(options.AcceptOutboxCodeSender)}=true if something else delivers the outbox.");

        if (environment.IsProduction() && string.IsNullOrEmpty(options.KeyRingCertificatePath))
            errors.Add($"{Section}:{nameof(options.KeyRingCertificatePath)} is required in Production: the keys that sign tokens are in the database, "
                + "and without a certificate to encrypt them anyone with a copy of the database can mint tokens.");

        var admin = options.FirstAdmin;
        if (admin.Login is not null || admin.Password is not null)
        {
            var checks = new RequestErrors();
            CredentialRules.CheckUserName(checks, admin.Login);
            CredentialRules.CheckStaffPassword(checks, "password", admin.Password);
            foreach (var (field, messages) in checks.ToDictionary())
                errors.AddRange(messages.Select(m => $"{Section}:FirstAdmin:{(field == "login" ? "Login" : "Password")}: {m}"));
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Between(List<string> errors, string option, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add($"{Section}:{option} must be between {min} and {max} (was {value}).");
    }
}
