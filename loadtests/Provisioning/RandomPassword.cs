using System.Security.Cryptography;

namespace OrleansBooking.LoadTests.Provisioning;

/// <summary>
/// Throw-away passwords: one per run for its patients, one for the admin of a silo the suite starts.
/// Random rather than fixed, so a load-test database left behind holds no account anyone can guess.
/// </summary>
public static class RandomPassword
{
    /// <summary>24 URL-safe characters (144 random bits): within every password rule the service has (8–128 characters).</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
