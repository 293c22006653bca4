using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>ASP.NET Core's PBKDF2 <see cref="PasswordHasher{TUser}"/> with our iteration count.</summary>
public sealed class AccountPasswords(IOptions<AccountOptions> options)
{
    private readonly PasswordHasher<Account> hasher = new(Microsoft.Extensions.Options.Options.Create(
        new PasswordHasherOptions { IterationCount = options.Value.PasswordIterations }));

    // Verified against when the login is unknown, so a wrong login costs as long as a wrong
    // password and timing does not tell which logins exist.
    private readonly Lazy<string> decoy = new(() => new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString()));

    public string Hash(string password) => hasher.HashPassword(null!, password);

    /// <summary>The outcome, and a fresh hash when the stored one used weaker settings than today's.</summary>
    public (bool Valid, string? Rehash) Verify(string? storedHash, string password)
    {
        var result = hasher.VerifyHashedPassword(null!, storedHash ?? decoy.Value, password);
        if (storedHash is null) return (false, null);
        return result switch
        {
            PasswordVerificationResult.Success => (true, null),
            PasswordVerificationResult.SuccessRehashNeeded => (true, Hash(password)),
            _ => (false, null),
        };
    }
}
