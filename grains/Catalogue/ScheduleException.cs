using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Catalogue;

public enum ScheduleExceptionKind
{
    /// <summary>The doctor is away: no pool that day (<see cref="ScheduleException.Session"/> null) or that session.</summary>
    Leave,

    /// <summary>A session outside the template, or one that replaces the template's session that day.</summary>
    ExtraSession,
}

/// <summary>
/// A dated departure from the weekly template. An extra session carries the session's numbers
/// (start, minutes per number, quota, optional fee); a leave carries none of them.
/// </summary>
public sealed record ScheduleException(
    string ExceptionId,
    string DoctorId,
    DateOnly Date,
    ScheduleExceptionKind Kind,
    ClinicSession? Session,
    TimeOnly? StartTime = null,
    int? MinutesPerNumber = null,
    int? Quota = null,
    decimal? Fee = null)
{
    public bool Covers(DateOnly date, ClinicSession session) => Date == date && (Session is null || Session == session);
}
