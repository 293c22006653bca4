using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Validation;

/// <summary>Turns catalogue requests into domain values, or says everything wrong with them; nothing is written before this passes.</summary>
public static class CatalogueRequestValidation
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxLocationLength = 200;
    public const int MaxBioLength = 2000;
    public const int MaxSpecialties = 20;
    public const int MaxSpecialtyLength = 50;
    public const int MaxSearchLength = 50;

    private static readonly ClinicSession[] Sessions = [ClinicSession.Morning, ClinicSession.Afternoon, ClinicSession.Evening];
    private static readonly DoctorTitle[] Titles = Enum.GetValues<DoctorTitle>();
    private static readonly DayOfWeek[] Weekdays = Enum.GetValues<DayOfWeek>();

    /// <summary>Department and doctor ids: API ids, short enough that generated pool ids stay within 64 characters.</summary>
    public static void CheckCatalogueId(RequestErrors errors, string field, string? value)
    {
        FieldRules.CheckId(errors, field, value);
        if (FieldRules.IsId(value) && value!.Length > PoolIds.MaxDoctorIdLength)
            errors.Add(field, $"{field} must be at most {PoolIds.MaxDoctorIdLength} characters.");
    }

    public static Department? ToDepartment(CreateDepartmentRequest request, Func<string> newId, RequestErrors errors)
    {
        if (request.DepartmentId is not null) CheckCatalogueId(errors, "departmentId", request.DepartmentId);
        var name = FieldRules.CheckText(errors, "name", request.Name, MaxNameLength, required: true);
        var description = FieldRules.CheckText(errors, "description", request.Description, MaxDescriptionLength, required: false);
        var location = FieldRules.CheckText(errors, "location", request.Location, MaxLocationLength, required: false);
        return errors.Any ? null : new Department(request.DepartmentId ?? newId(), name!, description ?? "", location ?? "", null, true);
    }

    public static Department? Apply(Department current, UpdateDepartmentRequest request, RequestErrors errors)
    {
        var name = request.Name is null ? null : FieldRules.CheckText(errors, "name", request.Name, MaxNameLength, required: true);
        var description = FieldRules.CheckText(errors, "description", request.Description, MaxDescriptionLength, required: false);
        var location = FieldRules.CheckText(errors, "location", request.Location, MaxLocationLength, required: false);
        if (request is { Name: null, Description: null, Location: null, Active: null })
            errors.Add("body", "Give at least one of name, description, location, active.");
        return errors.Any
            ? null
            : current with
            {
                Name = name ?? current.Name,
                Description = description ?? current.Description,
                Location = location ?? current.Location,
                Active = request.Active ?? current.Active,
            };
    }

    public static ReleaseRule? ToReleaseRule(ReleaseRuleRequest request, RequestErrors errors)
    {
        var days = FieldRules.CheckRange(errors, "daysBefore", request.DaysBefore, 0, ReleaseRule.MaxDaysBefore, required: true);
        var time = FieldRules.CheckTimeOfDay(errors, "time", request.Time);
        var lottery = FieldRules.CheckRange(errors, "lotteryWindowMinutes", request.LotteryWindowMinutes,
            (int)LotteryWindow.Shortest.TotalMinutes, (int)LotteryWindow.Longest.TotalMinutes, required: false);
        return errors.Any ? null : new ReleaseRule(days!.Value, time!.Value, lottery is { } minutes ? new LotteryWindow(TimeSpan.FromMinutes(minutes)) : null);
    }

    public static AgeRange? ToAgeRange(AgeRangeRequest request, RequestErrors errors)
    {
        var min = FieldRules.CheckRange(errors, "minAgeYears", request.MinAgeYears, 0, AgeRange.MaxAge, required: false);
        var max = FieldRules.CheckRange(errors, "maxAgeYears", request.MaxAgeYears, 0, AgeRange.MaxAge, required: false);
        if (request is { MinAgeYears: null, MaxAgeYears: null }) errors.Add("body", "Give minAgeYears, maxAgeYears or both.");
        else if (min > max) errors.Add("maxAgeYears", "maxAgeYears must not be below minAgeYears.");
        return errors.Any ? null : new AgeRange(min, max);
    }

    public static Doctor? ToDoctor(CreateDoctorRequest request, Func<string> newId, RequestErrors errors)
    {
        if (request.DoctorId is not null) CheckCatalogueId(errors, "doctorId", request.DoctorId);
        var name = FieldRules.CheckText(errors, "name", request.Name, MaxNameLength, required: true);
        var title = FieldRules.CheckEnum(errors, "title", request.Title, required: true, Titles);
        CheckCatalogueId(errors, "departmentId", request.DepartmentId);
        var specialties = Specialties(errors, request.Specialties);
        var bio = FieldRules.CheckText(errors, "bio", request.Bio, MaxBioLength, required: false);
        return errors.Any
            ? null
            : new Doctor(request.DoctorId ?? newId(), name!, title!.Value, request.DepartmentId!, specialties ?? [], bio ?? "", true);
    }

    public static Doctor? Apply(Doctor current, UpdateDoctorRequest request, RequestErrors errors)
    {
        var name = request.Name is null ? null : FieldRules.CheckText(errors, "name", request.Name, MaxNameLength, required: true);
        var title = FieldRules.CheckEnum(errors, "title", request.Title, required: false, Titles);
        if (request.DepartmentId is not null) CheckCatalogueId(errors, "departmentId", request.DepartmentId);
        var specialties = Specialties(errors, request.Specialties);
        var bio = FieldRules.CheckText(errors, "bio", request.Bio, MaxBioLength, required: false);
        if (request is { Name: null, Title: null, DepartmentId: null, Specialties: null, Bio: null, Active: null })
            errors.Add("body", "Give at least one of name, title, departmentId, specialties, bio, active.");
        return errors.Any
            ? null
            : current with
            {
                Name = name ?? current.Name,
                Title = title ?? current.Title,
                DepartmentId = request.DepartmentId ?? current.DepartmentId,
                Specialties = specialties ?? current.Specialties,
                Bio = bio ?? current.Bio,
                Active = request.Active ?? current.Active,
            };
    }

    public static IReadOnlyList<WeeklySession>? ToWeekly(WeeklyScheduleRequest request, CatalogueRules rules, RequestErrors errors)
    {
        if (request.Weekly is null)
        {
            errors.Add("weekly", "weekly is required (an empty list clears the template).");
            return null;
        }
        var lines = new List<WeeklySession>();
        var seen = new HashSet<(DayOfWeek, ClinicSession)>();
        for (var i = 0; i < request.Weekly.Length; i++)
        {
            var field = $"weekly[{i}]";
            if (request.Weekly[i] is not { } line)
            {
                errors.Add(field, $"{field} must be an object.");
                continue;
            }
            var weekday = FieldRules.CheckEnum(errors, $"{field}.weekday", line.Weekday, required: true, Weekdays);
            var session = FieldRules.CheckEnum(errors, $"{field}.session", line.Session, required: true, Sessions);
            var start = line.StartTime is null ? null : FieldRules.CheckTimeOfDay(errors, $"{field}.startTime", line.StartTime);
            var minutes = FieldRules.CheckRange(errors, $"{field}.minutesPerNumber", line.MinutesPerNumber,
                FieldRules.MinMinutesPerNumber, FieldRules.MaxMinutesPerNumber, required: true);
            var quota = FieldRules.CheckRange(errors, $"{field}.quota", line.Quota, FieldRules.MinQuota, FieldRules.MaxQuota, required: true);
            var fee = line.Fee is null ? null : FieldRules.CheckFee(errors, $"{field}.fee", line.Fee);
            if (weekday is { } day && session is { } s && !seen.Add((day, s)))
                errors.Add(field, $"{field} repeats {FieldRules.WireName(day)} {FieldRules.WireName(s)}.");
            if (weekday is null || session is null || minutes is null || quota is null) continue;
            Pools.PoolCalendarRules.CheckEndsByMidnight(start ?? rules.DefaultStart(session.Value), minutes.Value, quota.Value, errors, $"{field}.quota");
            lines.Add(new WeeklySession(weekday.Value, session.Value, start ?? rules.DefaultStart(session.Value), minutes.Value, quota.Value, fee));
        }
        return errors.Any ? null : lines;
    }

    public static ScheduleException? ToException(
        string doctorId, ScheduleExceptionRequest request, Func<string> newId, CatalogueRules rules, RequestErrors errors)
    {
        var date = FieldRules.CheckDate(errors, "date", request.Date);
        var kind = FieldRules.CheckEnum(errors, "kind", request.Kind, required: true, ScheduleExceptionKind.Leave, ScheduleExceptionKind.ExtraSession);
        if (kind == ScheduleExceptionKind.Leave)
        {
            var leaveSession = FieldRules.CheckEnum(errors, "session", request.Session, required: false, Sessions);
            if (request is not { StartTime: null, MinutesPerNumber: null, Quota: null, Fee: null })
                errors.Add("kind", "A leave carries no startTime, minutesPerNumber, quota or fee.");
            return errors.Any ? null : new ScheduleException(newId(), doctorId, date!.Value, ScheduleExceptionKind.Leave, leaveSession);
        }

        var session = FieldRules.CheckEnum(errors, "session", request.Session, required: kind is not null, Sessions);
        var start = request.StartTime is null ? null : FieldRules.CheckTimeOfDay(errors, "startTime", request.StartTime);
        var minutes = FieldRules.CheckRange(errors, "minutesPerNumber", request.MinutesPerNumber,
            FieldRules.MinMinutesPerNumber, FieldRules.MaxMinutesPerNumber, required: kind is not null);
        var quota = FieldRules.CheckRange(errors, "quota", request.Quota, FieldRules.MinQuota, FieldRules.MaxQuota, required: kind is not null);
        var fee = request.Fee is null ? null : FieldRules.CheckFee(errors, "fee", request.Fee);
        if (errors.Any) return null;
        Pools.PoolCalendarRules.CheckEndsByMidnight(start ?? rules.DefaultStart(session!.Value), minutes!.Value, quota!.Value, errors, "quota");
        if (errors.Any) return null;
        return new ScheduleException(newId(), doctorId, date!.Value, ScheduleExceptionKind.ExtraSession, session,
            start ?? rules.DefaultStart(session!.Value), minutes, quota, fee);
    }

    /// <summary>The optional search text of <c>GET /api/doctors</c>.</summary>
    public static string? ToSearch(RequestErrors errors, string? search) =>
        search is null ? null : FieldRules.CheckText(errors, "search", search, MaxSearchLength);

    private static string[]? Specialties(RequestErrors errors, string?[]? specialties)
    {
        if (specialties is null) return null;
        if (specialties.Length > MaxSpecialties) errors.Add("specialties", $"specialties may list at most {MaxSpecialties}.");
        var result = new List<string>();
        for (var i = 0; i < specialties.Length; i++)
        {
            if (FieldRules.CheckText(errors, $"specialties[{i}]", specialties[i], MaxSpecialtyLength, required: true) is { } specialty) result.Add(specialty);
        }
        return result.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
