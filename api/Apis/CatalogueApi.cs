using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>Departments, doctors, schedules and browsing them: registration and route mapping in one place.</summary>
public static class CatalogueApi
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
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        app.MapDepartmentsApi();
        app.MapDoctorsApi();
        app.MapSchedulesApi();
        return app;
    }

    /// <summary>A fresh id for a department, doctor or exception created without one.</summary>
    internal static string NewId() => Guid.NewGuid().ToString("N");
}
