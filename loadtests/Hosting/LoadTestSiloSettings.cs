using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Hosting;

/// <summary>
/// The configuration a silo needs before it can be load-tested, and why. <c>--start-silo</c> passes
/// it ahead of any <c>--silo-arg</c> (a later switch wins, so each can be overridden); the in-process
/// rush test uses the same values; operators of an external silo set them themselves.
/// </summary>
public static class LoadTestSiloSettings
{
    /// <summary>The admin a started silo is given when none is named (the silo creates it while its database has no admin).</summary>
    public const string DefaultAdminLogin = "loadtest-admin";

    /// <summary>
    /// PBKDF2 rounds per password hash. The default 100,000 costs tens of milliseconds of CPU per
    /// sign-in; a rush signs in every one of its tens of thousands of patients. 1,000 is the
    /// lowest the silo accepts.
    /// </summary>
    public const int PasswordIterations = 1_000;

    /// <summary>
    /// Permits of the per-address rate limit: the whole crowd comes from the generator's one address,
    /// so the default per-address limit would refuse most of it. Per-account limits stay as shipped:
    /// a virtual patient behaves like an honest one.
    /// </summary>
    public const int PerAddressPermits = 1_000_000;

    /// <summary>The configuration as keys and values; the password is in it only when <paramref name="withPassword"/>.</summary>
    public static IReadOnlyDictionary<string, string> Configuration(AdminCredentials? admin, bool withPassword = true)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Booking:Accounts:PasswordIterations"] = PasswordIterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Outside Development the silo refuses its built-in code sender, which only records SMS codes;
            // a load test sends none, so it is accepted here.
            ["Booking:Accounts:AcceptOutboxCodeSender"] = "true",
            // The suite registers its virtual patients in bulk, a route the silo offers in load-test mode only.
            ["Booking:LoadTest:Enabled"] = "true",
            ["Booking:RateLimits:PerAddress:Burst"] = PerAddressPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Booking:RateLimits:PerAddress:PermitsPerSecond"] = PerAddressPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The same for sign-in, limited per address too: the whole crowd signs in from here.
            ["Booking:RateLimits:SignIn:Burst"] = PerAddressPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Booking:RateLimits:SignIn:PermitsPerSecond"] = PerAddressPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Outside Development the token key ring must be encrypted at rest; a test silo uses a throw-away certificate.
            [KeyRingCertificatePath] = LoadTestKeyRing.CertificatePath,
            // A silo started for a run must not collide with one already running on this machine.
            ["Cluster:SiloPort"] = "0",
            ["Cluster:GatewayPort"] = "0",
        };
        if (withPassword) settings[KeyRingCertificatePassword] = LoadTestKeyRing.Password;
        if (admin is not null)
        {
            settings[FirstAdminLogin] = admin.Login;
            if (withPassword) settings[FirstAdminPassword] = admin.Password;
        }
        return settings;
    }

    /// <summary>Command-line switches for a started silo: everything but the admin's password, which goes by <see cref="Environment"/>.</summary>
    public static IReadOnlyList<string> Switches(AdminCredentials? admin) =>
        Configuration(admin, withPassword: false).Select(s => $"--{s.Key}={s.Value}").ToList();

    /// <summary>
    /// The admin's password as an environment variable of the silo's process: a command line can be
    /// read by every user of the machine (<c>ps</c>), a process's environment only by its owner.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(AdminCredentials? admin)
    {
        var secrets = new Dictionary<string, string> { [Variable(KeyRingCertificatePassword)] = LoadTestKeyRing.Password };
        if (admin is not null) secrets[Variable(FirstAdminPassword)] = admin.Password;
        return secrets;
    }

    private static string Variable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private const string FirstAdminLogin = "Booking:Accounts:FirstAdmin:Login";
    private const string FirstAdminPassword = "Booking:Accounts:FirstAdmin:Password";
    private const string KeyRingCertificatePath = "Booking:Accounts:KeyRingCertificatePath";
    private const string KeyRingCertificatePassword = "Booking:Accounts:KeyRingCertificatePassword";
}
