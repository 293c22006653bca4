namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>The cancelled pool and every reservation the stop released; each of those patients has a queued notification.</summary>
public sealed record StopClinicResponse(PoolResponse Pool, int PatientsNotified, IReadOnlyList<ReservationResponse> Cancelled);
