using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Patients;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.References;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Patients;

namespace OrleansBooking.Silo.Hosting.Patients;

/// <summary>Patients: their limits (options), load-test mode, their grains prepared at sign-in, the patient grain's storage and records, and no-show counting.</summary>
public static class PatientsServices
{
    /// <summary>Needs the storage options registered by the booking services.</summary>
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddValidatedOptions<PatientLimits>(PatientLimits.SectionName, limits => limits.Validate());
        services.AddValidatedOptions<LoadTestOptions>(LoadTestOptions.SectionName, _ => []);

        services.AddSingleton(sp => PatientStore.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<PatientStore>().Directory);
        services.AddSingleton(sp => sp.GetRequiredService<PatientStore>().Storage);
        services.AddSingleton(sp => sp.GetRequiredService<PatientStore>().Records);
        services.AddSingleton<PoolVisitDays>();
        services.AddSingleton<GrainReferences<IPatientGrain>>();
        services.AddSingleton<PreparationMetrics>();
        services.AddSingleton<PatientsPreparedAtSignIn>();
        services.AddHostedService(sp => sp.GetRequiredService<PatientsPreparedAtSignIn>());
        // Whoever marks a no-show (the doctor, the end-of-session sweep) tells the patient grain.
        services.RemoveAll<INoShowListener>();
        services.AddSingleton<INoShowListener, PatientNoShowListener>();
        // A draw tells its entrants' patient grains what they won, one-way.
        services.RemoveAll<IDrawListener>();
        services.AddSingleton<IDrawListener, PatientDrawListener>();
        return services;
    }

}
