namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// When the doctor's day may move a reservation, and how the session's end is handled. Bound from
/// configuration section <see cref="SectionName"/>; both engines and the no-show sweep read it.
/// </summary>
public sealed class DoctorsDayOptions
{
    public const string SectionName = "Booking:DoctorsDay";
    public const int DefaultCheckInOpensMinutesBefore = 60;
    public static readonly TimeSpan DefaultNoShowGrace = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan DefaultSweepInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many minutes before the session starts a patient may be checked in. Default 60: early
    /// arrivals queue at the desk, but a check-in days ahead is a mistake (or abuse), never an arrival.
    /// </summary>
    public int CheckInOpensMinutesBefore { get; set; } = DefaultCheckInOpensMinutesBefore;

    /// <summary>
    /// How long after the session's end (start + quota × minutes per number) a patient still only
    /// booked becomes a no-show, and the earliest a doctor may mark one. Default 30 minutes:
    /// clinics overrun, and a late patient seen at the end must not be counted absent.
    /// </summary>
    public TimeSpan NoShowGrace { get; set; } = DefaultNoShowGrace;

    /// <summary>How often the sweep looks for sessions that are over. Default 5 minutes.</summary>
    public TimeSpan SweepInterval { get; set; } = DefaultSweepInterval;

    public TimeSpan CheckInOpensBefore => TimeSpan.FromMinutes(CheckInOpensMinutesBefore);
}
