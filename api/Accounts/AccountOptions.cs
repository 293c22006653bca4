namespace OrleansBooking.Api.Accounts;

/// <summary>Sign-in, tokens and lockout (configuration section <c>Booking:Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Booking:Accounts";

    /// <summary>How long an access token is good for. Short, because a stolen token works until it expires or its session is revoked.</summary>
    public int AccessTokenMinutes { get; set; } = 60;

    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>Failed password sign-ins in a row, from one client address, that lock the account for that address.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The first lock of an (account, address) pair; each further one lasts twice as long.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>The longest a doubled lock grows (default a day).</summary>
    public int MaxLockoutMinutes { get; set; } = 24 * 60;

    public int CodeValidMinutes { get; set; } = 5;

    /// <summary>A new code for the same number no sooner than this: each one is a paid SMS, and a flood of them is abuse.</summary>
    public int CodeResendSeconds { get; set; } = 60;

    /// <summary>Wrong guesses at one code before it is thrown away (6 digits: 5 guesses give a 1 in 200,000 chance).</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>
    /// PBKDF2 iterations for new password hashes (ASP.NET Core's default is 100,000). Lower only
    /// for load-test silos that sign in tens of thousands of synthetic patients.
    /// </summary>
    public int PasswordIterations { get; set; } = 100_000;

    /// <summary>How often a silo reads sessions other silos revoked.</summary>
    public int RevocationPollSeconds { get; set; } = 5;

    /// <summary>
    /// Access tokens a silo remembers, issued or opened here (<see cref="VerifiedTokens"/>): ≈ 0.37 KB each (measured,
    /// docs/benchmarks.md, "Remembered access tokens"), so the default 200,000 (every patient of a
    /// large release) holds at most ≈ 75 MB. 0 turns it off.
    /// </summary>
    public int TokenCacheEntries { get; set; } = 200_000;

    /// <summary>
    /// A remembered token not seen for this long is forgotten. A token is remembered when it is
    /// issued, and a patient may sign in a quarter of an hour before a release and send nothing until
    /// it; the grains' idle age is as long, for the same reason.
    /// </summary>
    public int TokenCacheIdleSeconds { get; set; } = 900;

    /// <summary>Production refuses the built-in code sender (it only records messages) unless this is set.</summary>
    public bool AcceptOutboxCodeSender { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) file with the certificate and private key that encrypt the token-signing key
    /// ring at rest. Required in Production; none (Development, tests) leaves new keys as plain XML.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyRingCertificatePath"/>, if it has one (give it as an environment variable, not in a file).</summary>
    public string? KeyRingCertificatePassword { get; set; }

    /// <summary>The first admin, created at start-up when no admin exists.</summary>
    public FirstAdminOptions FirstAdmin { get; set; } = new();

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan TokenCacheIdle => TimeSpan.FromSeconds(TokenCacheIdleSeconds);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);
}

public sealed class FirstAdminOptions
{
    public string? Login { get; set; }

    public string? Password { get; set; }
}
