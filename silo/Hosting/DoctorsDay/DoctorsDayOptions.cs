namespace OrleansBooking.Silo.Hosting.DoctorsDay;

/// <summary>How the session's end is handled. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class DoctorsDayOptions
{
    public const string SectionName = "Booking:DoctorsDay";
    public static readonly TimeSpan DefaultNoShowGrace = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan DefaultSweepInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after the session's end (start + quota × minutes per number) a patient still only
    /// booked becomes a no-show. Default 30 minutes: clinics overrun, and a late patient seen
    /// at the end must not be counted absent.
    /// </summary>
    public TimeSpan NoShowGrace { get; set; } = DefaultNoShowGrace;

    /// <summary>How often the sweep looks for sessions that are over. Default 5 minutes.</summary>
    public TimeSpan SweepInterval { get; set; } = DefaultSweepInterval;
}
