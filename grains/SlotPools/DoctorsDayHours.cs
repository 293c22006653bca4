namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// When the doctor's side may move a reservation, so a status follows the clock: check-in opens
/// <see cref="DoctorsDayOptions.CheckInOpensMinutesBefore"/> before the session; calling and
/// completing need the session to have begun; all three end with the visit day; a no-show can be
/// marked only once the session is over plus <see cref="DoctorsDayOptions.NoShowGrace"/> (the
/// same instant the sweep uses). Both engines decide with this.
/// </summary>
public static class DoctorsDayHours
{
    /// <summary>The instants between which a move to <paramref name="to"/> is allowed; no end when <c>Closes</c> is null.</summary>
    public static (DateTimeOffset Opens, DateTimeOffset? Closes) WindowFor(
        ReservationStatus to, PoolDefinition pool, SlotPoolRules rules, DoctorsDayOptions options, TimeZoneInfo zone) => to switch
    {
        ReservationStatus.CheckedIn => (rules.SessionStart(pool, zone) - options.CheckInOpensBefore, rules.VisitDayEnd(pool, zone)),
        ReservationStatus.NoShow => (rules.SessionEnd(pool, zone) + options.NoShowGrace, null),
        _ => (rules.SessionStart(pool, zone), rules.VisitDayEnd(pool, zone)),
    };

    /// <summary>Null when a move to <paramref name="to"/> is allowed at <paramref name="now"/>; otherwise the refusal.</summary>
    public static ReservationStatusOutcome? Refusal(
        ReservationStatus to, PoolDefinition pool, DateTimeOffset now, SlotPoolRules rules, DoctorsDayOptions options, TimeZoneInfo zone)
    {
        var (opens, closes) = WindowFor(to, pool, rules, options, zone);
        if (now < opens) return new ReservationStatusOutcome.TooEarly(to, opens);
        if (closes is { } end && now >= end) return new ReservationStatusOutcome.VisitDayOver(to, end);
        return null;
    }
}
