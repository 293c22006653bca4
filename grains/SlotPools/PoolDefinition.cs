namespace OrleansBooking.Grains.SlotPools;

/// <summary>What an admin states when opening a pool: one doctor's session on one day.</summary>
public sealed record PoolDefinition(
    string PoolId,
    string DoctorId,
    DateOnly Date,
    ClinicSession Session,
    TimeOnly StartTime,
    int MinutesPerNumber,
    int Quota,
    decimal Fee,
    DateTimeOffset ReleaseAt);
