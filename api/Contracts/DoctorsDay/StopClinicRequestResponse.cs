namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>A doctor's request to stop a session, recorded for the hospital's staff; nothing is cancelled by it.</summary>
public sealed record StopClinicRequestResponse(string PoolId, string Reason, DateTimeOffset RequestedAt);
