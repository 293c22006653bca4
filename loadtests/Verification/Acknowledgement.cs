namespace OrleansBooking.LoadTests.Verification;

/// <summary>A 2xx reservation the generator received: the service promised this number to this patient.</summary>
public sealed record Acknowledgement(
    string IdempotencyKey, string ReservationId, string PoolId, string PatientId, int SequenceNumber);
