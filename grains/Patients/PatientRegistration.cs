using OrleansBooking.Grains.Runtime;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>Puts patients on the actor runtime, in front of whichever pool engine runs.</summary>
public static class PatientRegistration
{
    public static IPatientGrainFactory AddPatients(
        this GrainRuntime runtime,
        IGrainStorage<PatientState, PatientChange> storage,
        IPatientRecords records,
        ISlotPoolGrainFactory pools,
        PatientLimits limits,
        TimeProvider clock)
    {
        var errors = limits.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid patient limits: " + string.Join(" ", errors), nameof(limits));
        var visitDays = new PoolVisitDays();
        runtime.Register<PatientGrain, PatientState, PatientChange>(storage, () => new PatientGrain(pools, visitDays, records, limits, clock));
        return new ActorPatients(runtime);
    }

    private sealed class ActorPatients(GrainRuntime runtime) : IPatientGrainFactory
    {
        public IPatientGrain GetPatient(string patientId) => new PatientGrainReference(runtime.GetGrain<PatientGrain>(patientId));
    }
}
