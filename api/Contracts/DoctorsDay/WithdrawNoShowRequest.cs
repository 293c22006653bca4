namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>Why a recorded no-show is withdrawn (e.g. "the patient was seen; the desk did not check them in"), kept in the audit log.</summary>
public sealed record WithdrawNoShowRequest(string? Reason);
