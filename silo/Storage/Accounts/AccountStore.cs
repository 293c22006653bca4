using Microsoft.AspNetCore.DataProtection.Repositories;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>The accounts' side of the configured database: accounts and the shared key ring.</summary>
public sealed class AccountStore
{
    private AccountStore(SqlDialect dialect, TimeProvider clock)
    {
        Accounts = new SqlAccountStore(dialect, clock);
        ProtectionKeys = new SqlProtectionKeys(dialect);
    }

    public IAccountStore Accounts { get; }

    public IXmlRepository ProtectionKeys { get; }

    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static AccountStore Create(StorageOptions options, TimeProvider clock) =>
        new(SqlDialects.Create(options), clock);
}
