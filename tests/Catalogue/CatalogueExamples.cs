using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>A small catalogue the tests share: one department, one attending doctor with Monday and Wednesday sessions.</summary>
internal static class CatalogueExamples
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Monday 30 Nov 2026, 00:00 UTC = 08:00 in Shanghai.</summary>
    public static readonly DateTimeOffset MondayEight = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Monday = new(2026, 11, 30);

    public static Department Cardiology(ReleaseRule? rule = null) =>
        new("cardiology", "Cardiology", "Heart disease.", "Building A", rule, true);

    public static Doctor DrLi(DoctorTitle title = DoctorTitle.Attending, string departmentId = "cardiology") =>
        new("dr-li", "Li Wei", title, departmentId, ["hypertension", "arrhythmia"], "Twenty years in cardiology.", true);

    /// <summary>Monday morning (30 numbers, 10 min) and afternoon (20 numbers), Wednesday morning at 09:00 with its own fee.</summary>
    public static IReadOnlyList<WeeklySession> Weekly() =>
    [
        new(DayOfWeek.Monday, ClinicSession.Morning, new TimeOnly(8, 0), 10, 30),
        new(DayOfWeek.Monday, ClinicSession.Afternoon, new TimeOnly(13, 30), 10, 20),
        new(DayOfWeek.Wednesday, ClinicSession.Morning, new TimeOnly(9, 0), 15, 12, 99.5m),
    ];

    public static DoctorSchedule Schedule(params ScheduleException[] exceptions) => new("dr-li", Weekly(), exceptions);

    public static ScheduleException Leave(DateOnly date, ClinicSession? session = null) =>
        new("leave-" + date.DayNumber + session, "dr-li", date, ScheduleExceptionKind.Leave, session);

    public static ScheduleException Extra(DateOnly date, ClinicSession session, int quota = 8) =>
        new("extra-" + date.DayNumber + session, "dr-li", date, ScheduleExceptionKind.ExtraSession, session, new TimeOnly(18, 30), 5, quota);
}
