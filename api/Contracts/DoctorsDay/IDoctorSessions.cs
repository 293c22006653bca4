namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>Which pools a doctor sees patients in on a day; a read of committed pools rows.</summary>
public interface IDoctorSessions
{
    /// <summary>The doctor's pool ids on <paramref name="date"/>, in order of their start time.</summary>
    Task<IReadOnlyList<string>> FindPoolIdsAsync(string doctorId, DateOnly date, CancellationToken cancellationToken);
}
