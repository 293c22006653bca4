using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.Runtime;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Patients;

namespace OrleansBooking.Silo.Hosting.Patients;

/// <summary>Patients: their limits (options), storage, the patient grain in front of the pools, and no-show counting.</summary>
public static class PatientServiceRegistration
{
    /// <summary>Needs the storage options, the runtime and <see cref="ISlotPoolGrainFactory"/> registered by the booking services.</summary>
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddOptions<PatientLimits>().BindConfiguration(PatientLimits.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PatientLimits>, PatientLimitsValidation>();

        services.AddSingleton(sp => PatientStore.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<PatientStore>().Directory);
        services.AddSingleton(CreatePatients);
        // Whoever marks a no-show (the doctor, the end-of-session sweep) tells the patient grain.
        services.RemoveAll<INoShowListener>();
        services.AddSingleton<INoShowListener, PatientNoShowListener>();
        return services;
    }

    private static IPatientGrainFactory CreatePatients(IServiceProvider sp)
    {
        var store = sp.GetRequiredService<PatientStore>();
        return sp.GetRequiredService<GrainRuntime>().AddPatients(
            store.Storage,
            store.Records,
            sp.GetRequiredService<ISlotPoolGrainFactory>(),
            sp.GetRequiredService<IOptions<PatientLimits>>().Value,
            sp.GetRequiredService<TimeProvider>());
    }
}
