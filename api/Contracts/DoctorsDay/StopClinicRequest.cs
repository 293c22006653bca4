namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>Why the session is cancelled, as the patients will be told (e.g. "Dr. Li is ill").</summary>
public sealed record StopClinicRequest(string? Reason);
