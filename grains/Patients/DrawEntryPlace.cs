namespace OrleansBooking.Grains.Patients;

/// <summary>
/// A limit place held by an entry in a pool's draw until <paramref name="DrawAt"/>: it counts as a
/// booking on its visit day, so a patient cannot enter draws whose wins together would break a limit.
/// </summary>
public sealed record DrawEntryPlace(string PoolId, VisitDay Day, DateTimeOffset DrawAt)
{
    /// <summary>True while the draw is not due at <paramref name="now"/>: the entry holds its place.</summary>
    public bool WaitsAt(DateTimeOffset now) => DrawAt > now;
}
