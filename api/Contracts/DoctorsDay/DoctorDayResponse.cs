namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>A doctor's sessions on one day, each with its day list, in order of start time.</summary>
public sealed record DoctorDayResponse(string DoctorId, string Date, IReadOnlyList<DayListResponse> Sessions);
