namespace OrleansBooking.Api.Contracts.Availability;

/// <summary>
/// The earliest bookable sessions of a department, in time order. <c>asOf</c> is when the counts
/// were read: at most a second ago.
/// </summary>
public sealed record AvailabilityResponse(string DepartmentId, DateTimeOffset AsOf, AvailableSessionResponse[] Sessions);

/// <summary>One session with numbers left: book it with <c>POST /api/pools/{poolId}/reservations</c>.</summary>
public sealed record AvailableSessionResponse(
    string PoolId,
    string DoctorId,
    string? DoctorName,
    string? Title,
    string Date,
    string Session,
    string StartTime,
    int Quota,
    int Remaining,
    decimal Fee);
