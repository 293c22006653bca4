using OrleansBooking.LoadTests.Hosting;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>
/// Who the suite signs in as for the hospital's side (pools, patients, read-back):
/// <c>--admin-login</c>/<c>--admin-password</c>, else <c>BOOKING_ADMIN_LOGIN</c>/<c>BOOKING_ADMIN_PASSWORD</c>.
/// A silo the suite starts with neither gets a made-up admin of its own, so a fresh database needs nobody's password.
/// </summary>
public static class AdminSwitches
{
    public const string LoginVariable = "BOOKING_ADMIN_LOGIN";
    public const string PasswordVariable = "BOOKING_ADMIN_PASSWORD";

    public const string Help = """
          --admin-login LOGIN       admin to sign in as (default: env BOOKING_ADMIN_LOGIN; with --start-silo and no admin
                                    given, 'loadtest-admin' with a random password, created by the silo it starts)
          --admin-password PW       its password (default: env BOOKING_ADMIN_PASSWORD, which keeps it off the command line)

        """;

    /// <param name="startsSilo">True when the suite starts the silo, which can then be given an admin of its own.</param>
    /// <param name="environment">Reads an environment variable; the process's own by default.</param>
    /// <returns>Null when no admin is given and none can be made up: fine for a service without accounts.</returns>
    public static AdminCredentials? From(CommandLineArgs args, bool startsSilo, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? login = args.String("admin-login") ?? NonEmpty(environment(LoginVariable));
        string? password = args.String("admin-password") ?? NonEmpty(environment(PasswordVariable));
        if (login is null && password is null)
            return startsSilo ? new AdminCredentials(LoadTestSiloSettings.DefaultAdminLogin, RandomPassword.New()) : null;
        if (login is null || password is null)
            throw new UsageException(
                $"An admin needs both a login and a password: --admin-login and --admin-password (or {LoginVariable} and {PasswordVariable}).");
        return new AdminCredentials(login, password);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
