using Microsoft.Extensions.Options;
using OrleansBooking.Api.Audit;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Audit;

namespace OrleansBooking.Silo.Hosting.Audit;

/// <summary>The audit log: its options, its table, the buffered writer (a hosted service, so stopping drains it) and the admins' trail.</summary>
public static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuditLogOptions, AuditLogOptionsValidation>(AuditLogOptions.SectionName);

        services.AddSingleton(sp => AuditLogStore.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<AuditLogStore>().Writer);
        services.AddSingleton(sp => sp.GetRequiredService<AuditLogStore>().Trail);
        services.AddSingleton<BufferedAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<BufferedAuditLog>());
        services.AddHostedService(sp => sp.GetRequiredService<BufferedAuditLog>());
        return services;
    }
}
