using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansBooking.Api;
using OrleansBooking.Api.Cors;
using OrleansBooking.Api.Network;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Api.RequestLimits;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting;

/// <summary>Everything the silo runs: the Orleans silo, storage, each feature's services, the HTTP API and its limits, health checks.</summary>
public static class BookingServices
{
    /// <summary>Where the silo listens when neither <c>--urls</c>, <c>URLS</c>/<c>ASPNETCORE_URLS</c> nor <c>HTTP_PORTS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddBookingServices(this WebApplicationBuilder builder)
    {
        UseDefaultUrlUnlessConfigured(builder);
        var services = builder.Services;

        builder.AddBookingSilo();
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IBookingStore>(sp => BookingStoreFactory.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StorageMigrationService>();
        Cluster.ClusterServices.AddBookingClusterIdentityCheck(services);
        SlotPools.SlotPoolsServices.AddSlotPools(services);
        services.AddHealthChecks().AddCheck<BookingStoreHealthCheck>("database", tags: [BookingHealthChecks.ReadyTag]);
        services.AddBookingApi();
        services.AddBookingRateLimits();
        services.AddBookingRequestLimits();
        services.AddBookingTrustedProxies();
        services.AddBookingCors();
        Patients.PatientsServices.AddPatients(services);
        Catalogue.CatalogueServices.AddCatalogue(services);
        DoctorsDay.DoctorsDayServices.AddDoctorsDay(services);
        Payment.PaymentServices.AddPayment(services);
        Waitlist.WaitlistServices.AddWaitlist(services);
        Rush.RushServices.AddRush(services);
        Accounts.AccountsServices.AddAccounts(services, builder.Configuration);
        Notifications.NotificationsServices.AddNotifications(services);
        Audit.AuditServices.AddAudit(services);
        return builder;
    }

    // In code rather than as "Urls" in appsettings.json: a file setting would override ASPNETCORE_URLS.
    private static void UseDefaultUrlUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]))
            builder.WebHost.UseUrls(DefaultUrl);
    }

}
