namespace OrleansBooking.Grains.Catalogue;

/// <summary>A doctor's weekly template and its dated exceptions.</summary>
public sealed record DoctorSchedule(string DoctorId, IReadOnlyList<WeeklySession> Weekly, IReadOnlyList<ScheduleException> Exceptions)
{
    public static DoctorSchedule Empty(string doctorId) => new(doctorId, [], []);
}
