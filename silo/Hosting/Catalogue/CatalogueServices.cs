using Microsoft.Extensions.Options;
using OrleansBooking.Api.Catalogue;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Catalogue;

namespace OrleansBooking.Silo.Hosting.Catalogue;

/// <summary>Departments, doctors, schedules, the pool generator and the demo hospital.</summary>
public static class CatalogueServices
{
    /// <summary>Needs the storage options, <see cref="ISlotPoolGrainFactory"/> and <see cref="TimeProvider"/> registered (AddBookingServices does).</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddValidatedOptions<CatalogueRules>(CatalogueRules.SectionName, rules => rules.Validate());
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

        services.AddClusterJob<IPoolGenerationGrain>();
        services.AddCatalogueApi();
        return services;
    }

}
