using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Silo.Hosting.Accounts;

/// <summary>
/// Creates the admin named by Booking:Accounts:FirstAdmin when the database has no admin yet, so a
/// new hospital can sign in and create everyone else. Runs after the schema migration.
/// </summary>
internal sealed partial class FirstAdminService(
    AccountRegistration registration, IOptions<AccountOptions> options, ILogger<FirstAdminService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.FirstAdmin is not { Login: { } login, Password: { } password }) return;
        if (await registration.EnsureFirstAdminAsync(login, password, cancellationToken)) LogCreated(login);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin account '{Login}' from configuration")]
    private partial void LogCreated(string login);
}
