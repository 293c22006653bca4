namespace OrleansBooking.Api.Contracts;

/// <summary>
/// <c>GET /api/booking-rules</c>: what a patient app needs to state deadlines without asking per
/// reservation, and the hospital's clock, so a countdown to a release runs on the hospital's
/// time rather than the phone's.
/// </summary>
public sealed record BookingRulesResponse(
    DateTimeOffset Now,
    string TimeZoneId,
    int CancellationDaysBefore,
    string CancellationTime);
