using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.Contracts.Statistics;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Silo.Hosting.DoctorsDay;

/// <summary>The doctor's day and management: read models, the no-show sweep and its options.</summary>
public static class DoctorsDayServices
{
    public static IServiceCollection AddDoctorsDay(this IServiceCollection services)
    {
        services.AddValidatedOptions<DoctorsDayOptions, DoctorsDayOptionsValidation>(DoctorsDayOptions.SectionName);

        services.AddSingleton(sp => HospitalReadModels.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().Statistics);
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().DoctorSessions);
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().SessionsToSweep);
        services.AddSingleton(sp => sp.GetRequiredService<HospitalReadModels>().OpenSessions);
        // Until the patient grain counts no-shows (suspensions), nothing listens.
        services.TryAddSingleton<INoShowListener, IgnoreNoShows>();
        services.AddSingleton(sp => new NoShowSweep(
            sp.GetRequiredService<ISlotPoolGrainFactory>(),
            sp.GetRequiredService<ISessionsToSweep>(),
            sp.GetRequiredService<INoShowListener>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SlotPoolRules>>().Value,
            sp.GetRequiredService<IOptions<DoctorsDayOptions>>().Value.NoShowGrace,
            sp.GetRequiredService<ILogger<NoShowSweep>>()));
        services.AddClusterJob<INoShowSweepGrain>();
        return services;
    }
}
