using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Storage;

/// <summary>Pools and reservations the storage tests write; instants are whole seconds so both engines keep them exactly.</summary>
public static class PoolExamples
{
    /// <summary>When the tests' clock starts; the example pool is released before it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static PoolDefinition Pool(string poolId = "pool-1", int quota = 30) => new(
        PoolId: poolId,
        DoctorId: "dr-lin",
        Date: new DateOnly(2026, 12, 10),
        Session: ClinicSession.Morning,
        StartTime: new TimeOnly(8, 0),
        MinutesPerNumber: 10,
        Quota: quota,
        Fee: 25.50m,
        ReleaseAt: new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>A booked reservation; its id follows from pool, number and patient (default "patient-{number}").</summary>
    public static Reservation Reservation(int number, string? patientId = null, string poolId = "pool-1", string? idempotencyKey = null)
    {
        var patient = patientId ?? $"patient-{number}";
        return new Reservation(
            ReservationId: $"res-{poolId}-{number}-{patient}",
            PoolId: poolId,
            PatientId: patient,
            SequenceNumber: number,
            VisitTime: new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.FromHours(8)).AddMinutes(10 * (number - 1)),
            Status: ReservationStatus.Booked,
            CreatedAt: Now.AddSeconds(number),
            IdempotencyKey: idempotencyKey);
    }
}
