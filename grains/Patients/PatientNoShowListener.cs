using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>Counts each durable no-show against its patient, which may suspend their booking.</summary>
public sealed class PatientNoShowListener(IGrainFactory grains) : INoShowListener
{
    public Task NoShowRecordedAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken) =>
        grains.GetGrain<IPatientGrain>(noShow.PatientId).RecordNoShowAsync(noShow.ReservationId, at);
}
