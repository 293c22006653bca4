using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Accounts;

namespace OrleansBooking.Silo.Hosting.Accounts;

/// <summary>Accounts: options, their store, the key ring shared through the database (encrypted with the operator's certificate), the first admin and revocation polling.</summary>
public static class AccountsServices
{
    /// <summary>Registered after the storage migration service, whose StartingAsync creates the tables these start-up services use.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AccountOptions, AccountOptionsValidation>(AccountOptions.SectionName);

        services.AddSingleton(sp => AccountStore.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<AccountStore>().Accounts);

        services.AddDataProtection().SetApplicationName("OrleansBooking").ProtectKeyRing(configuration);
        services.AddOptions<KeyManagementOptions>().Configure<AccountStore>((keys, store) => keys.XmlRepository = store.ProtectionKeys);

        services.AddBookingAccounts();
        services.AddHostedService<FirstAdminService>();
        services.AddHostedService<RevokedSessionsPoll>();
        return services;
    }
}
