using System.Data.Common;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Catalogue;

/// <summary>How departments, doctors and schedule lines map to rows, for both engines.</summary>
internal sealed class CatalogueRows(SqlDialect dialect)
{
    // Specialties never contain a line break (the API refuses control characters), so one joins them.
    private const char SpecialtySeparator = '\n';

    public const string DepartmentColumns =
        "department_id, name, description, location, release_days_before, release_time, active, min_age_years, max_age_years, " +
        "release_lottery_window_minutes";

    public const string DoctorColumns = "doctor_id, name, title, department_id, specialties, bio, active";

    public const string WeeklyColumns = "doctor_id, weekday, session, start_time, minutes_per_number, quota, fee";

    public const string ExceptionColumns =
        "exception_id, doctor_id, visit_date, kind, session, start_time, minutes_per_number, quota, fee";

    public void BindDepartment(DbCommand command, Department department)
    {
        SlotPoolRows.Bind(command, "id", department.DepartmentId);
        SlotPoolRows.Bind(command, "name", department.Name);
        SlotPoolRows.Bind(command, "description", department.Description);
        SlotPoolRows.Bind(command, "location", department.Location);
        SlotPoolRows.Bind(command, "release_days", department.ReleaseRule?.DaysBefore);
        SlotPoolRows.Bind(command, "release_time", department.ReleaseRule is { } rule ? dialect.TimeOfDay(rule.TimeOfDay) : null);
        SlotPoolRows.Bind(command, "active", department.Active ? 1 : 0);
        SlotPoolRows.Bind(command, "min_age", department.Ages?.MinYears);
        SlotPoolRows.Bind(command, "max_age", department.Ages?.MaxYears);
        SlotPoolRows.Bind(command, "release_lottery", department.ReleaseRule?.Lottery is { } window ? (int)window.Length.TotalMinutes : null);
    }

    public Department ReadDepartment(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : new ReleaseRule(reader.GetInt32(4), dialect.ReadTimeOfDay(reader, 5),
            reader.IsDBNull(9) ? null : new Grains.Lottery.LotteryWindow(TimeSpan.FromMinutes(Convert.ToInt32(reader.GetValue(9))))),
        Convert.ToInt64(reader.GetValue(6)) != 0,
        reader.IsDBNull(7) && reader.IsDBNull(8)
            ? null
            : new AgeRange(reader.IsDBNull(7) ? null : Convert.ToInt32(reader.GetValue(7)), reader.IsDBNull(8) ? null : Convert.ToInt32(reader.GetValue(8))));

    public static void BindDoctor(DbCommand command, Doctor doctor)
    {
        SlotPoolRows.Bind(command, "id", doctor.DoctorId);
        SlotPoolRows.Bind(command, "name", doctor.Name);
        SlotPoolRows.Bind(command, "title", SnakeCase<DoctorTitle>.Name(doctor.Title));
        SlotPoolRows.Bind(command, "department", doctor.DepartmentId);
        SlotPoolRows.Bind(command, "specialties", string.Join(SpecialtySeparator, doctor.Specialties));
        SlotPoolRows.Bind(command, "bio", doctor.Bio);
        SlotPoolRows.Bind(command, "active", doctor.Active ? 1 : 0);
    }

    public static Doctor ReadDoctor(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        SnakeCase<DoctorTitle>.Parse(reader.GetString(2)),
        reader.GetString(3),
        reader.GetString(4).Split(SpecialtySeparator, StringSplitOptions.RemoveEmptyEntries),
        reader.GetString(5),
        Convert.ToInt64(reader.GetValue(6)) != 0);

    public void BindWeekly(DbCommand command, string doctorId, WeeklySession line, int index)
    {
        SlotPoolRows.Bind(command, $"doctor{index}", doctorId);
        SlotPoolRows.Bind(command, $"weekday{index}", SnakeCase<DayOfWeek>.Name(line.Weekday));
        SlotPoolRows.Bind(command, $"session{index}", SnakeCase<ClinicSession>.Name(line.Session));
        SlotPoolRows.Bind(command, $"start{index}", dialect.TimeOfDay(line.StartTime));
        SlotPoolRows.Bind(command, $"minutes{index}", line.MinutesPerNumber);
        SlotPoolRows.Bind(command, $"quota{index}", line.Quota);
        SlotPoolRows.Bind(command, $"fee{index}", line.Fee is { } fee ? SlotPoolRows.StoredFee(fee) : null);
    }

    public static string WeeklyParameters(int index) =>
        $"(@doctor{index}, @weekday{index}, @session{index}, @start{index}, @minutes{index}, @quota{index}, @fee{index})";

    /// <summary>Reads <see cref="WeeklyColumns"/>; the doctor id is column 0.</summary>
    public WeeklySession ReadWeekly(DbDataReader reader) => new(
        SnakeCase<DayOfWeek>.Parse(reader.GetString(1)),
        SnakeCase<ClinicSession>.Parse(reader.GetString(2)),
        dialect.ReadTimeOfDay(reader, 3),
        reader.GetInt32(4),
        reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetDecimal(6));

    public void BindException(DbCommand command, ScheduleException exception)
    {
        SlotPoolRows.Bind(command, "id", exception.ExceptionId);
        SlotPoolRows.Bind(command, "doctor", exception.DoctorId);
        SlotPoolRows.Bind(command, "date", dialect.Date(exception.Date));
        SlotPoolRows.Bind(command, "kind", SnakeCase<ScheduleExceptionKind>.Name(exception.Kind));
        SlotPoolRows.Bind(command, "session", exception.Session is { } session ? SnakeCase<ClinicSession>.Name(session) : null);
        SlotPoolRows.Bind(command, "start", exception.StartTime is { } start ? dialect.TimeOfDay(start) : null);
        SlotPoolRows.Bind(command, "minutes", exception.MinutesPerNumber);
        SlotPoolRows.Bind(command, "quota", exception.Quota);
        SlotPoolRows.Bind(command, "fee", exception.Fee is { } fee ? SlotPoolRows.StoredFee(fee) : null);
    }

    public ScheduleException ReadException(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        dialect.ReadDate(reader, 2),
        SnakeCase<ScheduleExceptionKind>.Parse(reader.GetString(3)),
        reader.IsDBNull(4) ? null : SnakeCase<ClinicSession>.Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : dialect.ReadTimeOfDay(reader, 5),
        reader.IsDBNull(6) ? null : reader.GetInt32(6),
        reader.IsDBNull(7) ? null : reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetDecimal(8));
}
