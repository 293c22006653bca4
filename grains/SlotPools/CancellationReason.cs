namespace OrleansBooking.Grains.SlotPools;

/// <summary>Why a reservation was cancelled; kept on the reservation for the patient and for statistics.</summary>
public enum CancellationReason
{
    PatientRequest,
    DoctorUnavailable,
    PaymentExpired,
    AdminAction,
}
