using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Catalogue;

/// <summary>Departments, doctors, schedules and browsing them: the services their endpoints need, their tags and fresh ids.</summary>
public static class CatalogueApiRegistration
{
    public const string PublicTag = "Catalogue";
    public const string AdminTag = "Catalogue admin";

    /// <summary>Needs <see cref="ICatalogueStore"/>, <see cref="CatalogueDirectory"/>, <see cref="CatalogueRules"/>,
    /// <see cref="SchedulePlanner"/>, <see cref="PoolGenerator"/> and <see cref="TimeProvider"/> in the container.</summary>
    public static IServiceCollection AddCatalogueApi(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CatalogueBrowseCache(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CatalogueRules>().BrowseCacheTtl));
        services.AddSingleton<CatalogueBrowser>();
        services.AddSingleton<CatalogueChanges>();
        services.AddSingleton<Availability.AvailabilityBoard>();
        services.AddSingleton<Pools.PoolCatalogueCheck>();
        services.AddSingleton<Pools.BookableSessions>();
        return services;
    }

    /// <summary>A fresh id for a department, doctor or exception created without one.</summary>
    internal static string NewId() => Guid.NewGuid().ToString("N");
}
