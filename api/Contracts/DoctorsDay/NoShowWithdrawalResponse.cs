namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>The reservation, now cancelled by the hospital, and whether the patient's suspension ended with the withdrawal.</summary>
public sealed record NoShowWithdrawalResponse(ReservationResponse Reservation, bool SuspensionLifted);
