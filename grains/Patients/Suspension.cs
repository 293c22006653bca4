namespace OrleansBooking.Grains.Patients;

/// <summary>
/// The patient's latest suspension. A lifted suspension keeps its start, with <see cref="Until"/>
/// moved to the lift: no-shows before the start were paid for by it and never count again.
/// </summary>
public sealed record Suspension(DateTimeOffset From, DateTimeOffset Until)
{
    public bool IsActiveAt(DateTimeOffset now) => From <= now && now < Until;
}
