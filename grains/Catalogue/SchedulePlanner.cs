using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// Turns a doctor's weekly template and exceptions into the pools the hospital should have, day by
/// day. Precedence for one date and session: the template, replaced by an extra session, removed
/// by a leave (the doctor is away, whatever else was planned).
/// </summary>
public sealed class SchedulePlanner(CatalogueRules rules, TimeZoneInfo zone)
{
    /// <summary>Today (hospital time) and the <see cref="CatalogueRules.BookingWindowDays"/> days after it.</summary>
    public (DateOnly From, DateOnly To) WindowAt(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return (today, today.AddDays(rules.BookingWindowDays));
    }

    /// <summary>
    /// The pools of <paramref name="doctor"/> from <paramref name="from"/> to <paramref name="to"/>
    /// (inclusive), by date then session; sessions that start at or before <paramref name="notBefore"/>
    /// are left out: a pool for a session already under way helps no one.
    /// </summary>
    public IReadOnlyList<PoolDefinition> Plan(
        Doctor doctor, Department department, DoctorSchedule schedule, DateOnly from, DateOnly to, DateTimeOffset? notBefore = null)
    {
        var release = rules.ReleaseFor(department);
        var defaultFee = rules.FeeFor(doctor.Title);
        var pools = new List<PoolDefinition>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var (session, line) in SessionsOn(schedule, date))
            {
                var pool = new PoolDefinition(
                    PoolIds.For(doctor.DoctorId, date, session),
                    doctor.DoctorId,
                    date,
                    session,
                    line.StartTime,
                    line.MinutesPerNumber,
                    line.Quota,
                    line.Fee ?? defaultFee,
                    release.ReleaseAt(date, zone),
                    department.DepartmentId,
                    LotteryWindow: release.Lottery);
                if (notBefore is { } now && StartsAt(pool) <= now) continue;
                pools.Add(pool);
            }
        }
        return pools;
    }

    private DateTimeOffset StartsAt(PoolDefinition pool)
    {
        var local = pool.Date.ToDateTime(pool.StartTime);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static SortedDictionary<ClinicSession, WeeklySession> SessionsOn(DoctorSchedule schedule, DateOnly date)
    {
        var sessions = new SortedDictionary<ClinicSession, WeeklySession>();
        foreach (var line in schedule.Weekly.Where(l => l.Weekday == date.DayOfWeek)) sessions[line.Session] = line;

        var dated = schedule.Exceptions.Where(e => e.Date == date).ToList();
        foreach (var extra in dated.Where(e => e is { Kind: ScheduleExceptionKind.ExtraSession, Session: not null }))
        {
            sessions[extra.Session!.Value] = new WeeklySession(
                date.DayOfWeek, extra.Session.Value, extra.StartTime!.Value, extra.MinutesPerNumber!.Value, extra.Quota!.Value, extra.Fee);
        }
        foreach (var leave in dated.Where(e => e.Kind == ScheduleExceptionKind.Leave))
        {
            if (leave.Session is { } session) sessions.Remove(session);
            else sessions.Clear();
        }
        return sessions;
    }
}
