using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>The accounts' side of the configured database: accounts, the shared key ring, the outbox code sender.</summary>
public sealed class AccountStore
{
    private AccountStore(SqlDialect dialect, TimeProvider clock, ILoggerFactory loggers)
    {
        Accounts = new SqlAccountStore(dialect, clock);
        ProtectionKeys = new SqlProtectionKeys(dialect);
        OutboxSender = new OutboxCodeSender(dialect, clock, loggers.CreateLogger<OutboxCodeSender>());
    }

    public IAccountStore Accounts { get; }

    public IXmlRepository ProtectionKeys { get; }

    public ISignInCodeSender OutboxSender { get; }

    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static AccountStore Create(StorageOptions options, TimeProvider clock, ILoggerFactory loggers) =>
        new(SqlDialects.Create(options), clock, loggers);
}
