using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>Counts each durable no-show against its patient, which may suspend their booking.</summary>
public sealed class PatientNoShowListener(IPatientGrainFactory patients) : INoShowListener
{
    public Task NoShowRecordedAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken) =>
        patients.GetPatient(noShow.PatientId).RecordNoShowAsync(noShow.ReservationId, at);
}
