using Microsoft.Extensions.Options;
using OrleansBooking.Api.Catalogue;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Catalogue;

namespace OrleansBooking.Silo.Hosting.Catalogue;

/// <summary>Departments, doctors, schedules, the pool generator and the demo hospital.</summary>
public static class CatalogueRegistration
{
    /// <summary>Needs the storage options, <see cref="ISlotPoolGrainFactory"/> and <see cref="TimeProvider"/> registered (AddBookingServices does).</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddOptions<CatalogueRules>().BindConfiguration(CatalogueRules.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogueRules>, CatalogueRulesValidation>();
        services.AddOptions<DemoHospitalOptions>().BindConfiguration(DemoHospitalOptions.SectionName);

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CatalogueRules>>().Value);
        services.AddSingleton(sp => CatalogueStoreFactory.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SchedulePlanner(
            sp.GetRequiredService<CatalogueRules>(), sp.GetRequiredService<IOptions<SlotPoolRules>>().Value.TimeZone));
        services.AddSingleton(sp => new PoolGenerator(
            sp.GetRequiredService<ICatalogueStore>(), sp.GetRequiredService<ISlotPoolGrainFactory>(),
            sp.GetRequiredService<SchedulePlanner>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CatalogueDirectory(
            sp.GetRequiredService<ICatalogueStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CatalogueRules>().BrowseCacheTtl));

        services.AddSingleton<PoolGenerationService>();
        services.AddHostedService(sp => sp.GetRequiredService<PoolGenerationService>());
        services.AddCatalogueApi();
        return services;
    }

    private sealed class CatalogueRulesValidation : IValidateOptions<CatalogueRules>
    {
        public ValidateOptionsResult Validate(string? name, CatalogueRules options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
