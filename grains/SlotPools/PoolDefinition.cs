namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// What an admin states when opening a pool: one doctor's session on one day. The department is
/// optional (pools opened by hand may not name one); per-department limits read it.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PoolDefinition")]
public sealed record PoolDefinition(
    string PoolId,
    string DoctorId,
    DateOnly Date,
    ClinicSession Session,
    TimeOnly StartTime,
    int MinutesPerNumber,
    int Quota,
    decimal Fee,
    DateTimeOffset ReleaseAt,
    string? DepartmentId = null);
