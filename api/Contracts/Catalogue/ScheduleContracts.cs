using System.ComponentModel;
using System.Globalization;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.Catalogue;

/// <summary>One line of a weekly template in a request.</summary>
public sealed record WeeklySessionRequest(
    [property: Description("monday … sunday")] string? Weekday,
    [property: Description("morning | afternoon | evening")] string? Session,
    [property: Description("1–240.")] int? MinutesPerNumber,
    [property: Description("1–10000.")] int? Quota,
    [property: Description("HH:mm; default the hospital's start of that session.")] string? StartTime = null,
    [property: Description("Optional; default the fee of the doctor's title.")] decimal? Fee = null);

/// <summary>Body of <c>PUT /api/admin/doctors/{doctorId}/schedule</c>: the whole weekly template.</summary>
public sealed record WeeklyScheduleRequest(
    [property: Description("At most one line per weekday and session; an empty list stops new pools.")] WeeklySessionRequest[]? Weekly);

/// <summary>Body of <c>POST /api/admin/doctors/{doctorId}/schedule/exceptions</c>.</summary>
public sealed record ScheduleExceptionRequest(
    [property: Description("yyyy-MM-dd")] string? Date,
    [property: Description("leave | extra_session")] string? Kind,
    [property: Description("Required for extra_session; for leave, absent means the whole day.")] string? Session = null,
    [property: Description("extra_session only: HH:mm; default the hospital's start of that session.")] string? StartTime = null,
    [property: Description("extra_session only, required.")] int? MinutesPerNumber = null,
    [property: Description("extra_session only, required.")] int? Quota = null,
    [property: Description("extra_session only; default the fee of the doctor's title.")] decimal? Fee = null);

public sealed record WeeklySessionResponse(DayOfWeek Weekday, ClinicSession Session, string StartTime, int MinutesPerNumber, int Quota, decimal Fee)
{
    public static WeeklySessionResponse From(WeeklySession line, decimal titleFee) =>
        new(line.Weekday, line.Session, line.StartTime.ToString(WireFormats.TimeOfDay, CultureInfo.InvariantCulture),
            line.MinutesPerNumber, line.Quota, line.Fee ?? titleFee);
}

public sealed record ScheduleExceptionResponse(
    string ExceptionId, string DoctorId, string Date, ScheduleExceptionKind Kind, ClinicSession? Session,
    string? StartTime, int? MinutesPerNumber, int? Quota, decimal? Fee)
{
    public static ScheduleExceptionResponse From(ScheduleException e, decimal titleFee) => new(
        e.ExceptionId, e.DoctorId, e.Date.ToString(WireFormats.Date, CultureInfo.InvariantCulture), e.Kind, e.Session,
        e.StartTime?.ToString(WireFormats.TimeOfDay, CultureInfo.InvariantCulture), e.MinutesPerNumber, e.Quota,
        e.Kind == ScheduleExceptionKind.ExtraSession ? e.Fee ?? titleFee : null);
}

/// <summary>A doctor's weekly template and upcoming exceptions.</summary>
public sealed record ScheduleResponse(string DoctorId, WeeklySessionResponse[] Weekly, ScheduleExceptionResponse[] Exceptions)
{
    public static ScheduleResponse From(Doctor doctor, DoctorSchedule schedule, CatalogueRules rules)
    {
        var fee = rules.FeeFor(doctor.Title);
        return new(doctor.DoctorId,
            schedule.Weekly.Select(l => WeeklySessionResponse.From(l, fee)).ToArray(),
            schedule.Exceptions.Select(e => ScheduleExceptionResponse.From(e, fee)).ToArray());
    }
}

/// <summary>What <c>POST /api/admin/pool-generation</c> did.</summary>
public sealed record GenerationResponse(string From, string To, int Planned, int Created, int QuotaRaised, int Unchanged)
{
    public static GenerationResponse Of(GenerationReport report) => new(
        report.From.ToString(WireFormats.Date, CultureInfo.InvariantCulture), report.To.ToString(WireFormats.Date, CultureInfo.InvariantCulture),
        report.Planned, report.Created, report.QuotaRaised, report.Unchanged);
}
