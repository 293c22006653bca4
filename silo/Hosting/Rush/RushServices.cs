using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting.Rush;

/// <summary>The rush board's reads: the pools opening now, from the database (the attempt counts are the API's, in memory).</summary>
public static class RushServices
{
    /// <summary>Needs the hospital read models (registered by the doctor's-day services).</summary>
    public static IServiceCollection AddRush(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().ReleasingPools);
        return services;
    }
}
