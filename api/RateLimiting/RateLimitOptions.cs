namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// How fast one caller may call the API. Bound from configuration section <see cref="SectionName"/>;
/// a sub-section may set one of its two numbers and keep the default of the other.
/// </summary>
/// <remarks>
/// The defaults, and why. At 08:00 the patient app of one account opens the department, the doctor,
/// the pool and books: a handful of requests within a second or two, then a few more to check the
/// appointment; a family account books for up to five patients, and an impatient patient taps
/// "retry". So an honest account needs a burst of about ten and a rate of one or two a second:
/// <see cref="PerAccount"/> gives 30 at once and 5 a second for ever, three times that, so no
/// patient meets it, while a script hammering from one account gets 5 a second instead of
/// thousands.
/// <para>
/// One address can be a hospital's guest Wi-Fi, a campus or a mobile carrier's NAT with many
/// patients behind it, so <see cref="PerAddress"/> is ten accounts' burst (300) and twenty accounts'
/// rate (100 a second): a hundred patients booking through one address in the same second pass,
/// yet an anonymous script from one address cannot take more than 100 requests a second of a silo
/// that serves about 20 000. Where more patients share one address (a large carrier NAT), raise it.
/// </para>
/// <para>
/// Sign-in and registration are where passwords are guessed across accounts and accounts are
/// farmed, and a patient signs in once a session (tokens last an hour and refresh without signing
/// in). Patients behind one carrier NAT sign in shortly before 08:00, so <see cref="SignIn"/> allows
/// 30 attempts at once per address, then one a second (3,600 an hour: enough for a shared address,
/// slow for credential stuffing; guessing one account's password is stopped by its lockout).
/// </para>
/// </remarks>
public sealed class RateLimitOptions
{
    public const string SectionName = "Booking:RateLimits";
    public const int DefaultPerAccountBurst = 30;
    public const double DefaultPerAccountPermitsPerSecond = 5;
    public const int DefaultPerAddressBurst = 300;
    public const double DefaultPerAddressPermitsPerSecond = 100;
    public const int DefaultSignInBurst = 30;
    public const double DefaultSignInPermitsPerSecond = 1;

    /// <summary>False turns every rate limit off (e.g. for a load test from one machine). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Each signed-in account. Default burst 30, 5 per second.</summary>
    public RequestAllowance PerAccount { get; set; } = new() { Burst = DefaultPerAccountBurst, PermitsPerSecond = DefaultPerAccountPermitsPerSecond };

    /// <summary>Each client address (an IPv6 caller's whole /64). Default burst 300, 100 per second.</summary>
    public RequestAllowance PerAddress { get; set; } = new() { Burst = DefaultPerAddressBurst, PermitsPerSecond = DefaultPerAddressPermitsPerSecond };

    /// <summary>Sign-in and registration routes, per client address, on top of the others. Default burst 30, one per second.</summary>
    public RequestAllowance SignIn { get; set; } = new() { Burst = DefaultSignInBurst, PermitsPerSecond = DefaultSignInPermitsPerSecond };
}
