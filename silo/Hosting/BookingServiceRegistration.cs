using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansBooking.Api;
using OrleansBooking.Api.Network;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Api.RequestLimits;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting;

/// <summary>Everything the silo runs: options, storage, the Orleans silo and its grains, the HTTP API and its limits, accounts, health checks, the audit log.</summary>
public static class BookingServiceRegistration
{
    /// <summary>Where the silo listens when neither <c>--urls</c>, <c>URLS</c>/<c>ASPNETCORE_URLS</c> nor <c>HTTP_PORTS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddBookingServices(this WebApplicationBuilder builder)
    {
        UseDefaultUrlUnlessConfigured(builder);
        var services = builder.Services;

        builder.AddBookingSilo();
        AddValidatedOptions<GrainOptions, GrainOptionsValidation>(services, GrainOptions.SectionName);
        AddValidatedOptions<SlotPoolRules, SlotPoolRulesValidation>(services, SlotPoolRules.SectionName);
        AddValidatedOptions<StorageOptions, StorageOptionsValidator>(services, StorageOptions.SectionName);
        AddValidatedOptions<BookingEngineOptions, BookingEngineOptionsValidation>(services, BookingEngineOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IBookingStore>(sp => BookingStoreFactory.Create(Option<StorageOptions>(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<IBookingStore>().SlotPools);
        services.AddSingleton(CreateSlotPools);
        services.AddSingleton(sp => sp.GetRequiredService<IBookingStore>().Reservations);

        services.AddHostedService<StorageMigrationService>();
        services.AddHealthChecks().AddCheck<BookingStoreHealthCheck>("database", tags: [BookingHealthChecks.ReadyTag]);
        services.AddBookingApi();
        services.AddBookingRateLimits();
        services.AddBookingRequestLimits();
        services.AddBookingTrustedProxies();
        Patients.PatientServiceRegistration.AddPatients(services);
        Catalogue.CatalogueRegistration.AddCatalogue(services);
        DoctorsDay.DoctorsDayRegistration.AddDoctorsDay(services);
        Accounts.AccountsRegistration.AddAccounts(services);
        Audit.AuditRegistration.AddAudit(services);
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

    private static ISlotPoolGrainFactory CreateSlotPools(IServiceProvider sp)
    {
        if (Option<BookingEngineOptions>(sp).Engine != BookingEngineOptions.Conventional)
            return new OrleansSlotPools(sp.GetRequiredService<IGrainFactory>());
        return sp.GetRequiredService<IBookingStore>().CreateConventionalEngine(sp.GetRequiredService<TimeProvider>(), Option<SlotPoolRules>(sp));
    }

    private static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }

    private static TOptions Option<TOptions>(IServiceProvider sp) where TOptions : class =>
        sp.GetRequiredService<IOptions<TOptions>>().Value;
}
