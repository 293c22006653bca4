namespace OrleansBooking.Api.Audit;

/// <summary>
/// One sensitive action: who (<see cref="AccountId"/>, <see cref="Role"/>; both null for an
/// anonymous caller), what (<see cref="Action"/>, the endpoint's name, with the request's method,
/// path and answer), when, and from where. Text that could hold a phone or resident ID number is
/// masked before it gets here.
/// </summary>
/// <param name="Action">The endpoint name, e.g. <c>CreateReservation</c>, <c>ChangePool</c>, <c>StopClinic</c>, <c>SignIn</c>.</param>
/// <param name="Target">What the action created (the <c>Location</c> of a 201), or null.</param>
/// <param name="Detail">A short free-text line the handler added (<see cref="AuditDetail"/>), or null.</param>
public sealed record AuditEntry(
    DateTimeOffset OccurredAt,
    string? AccountId,
    string? Role,
    string Action,
    string Method,
    string Path,
    int StatusCode,
    string? Target,
    string? ClientAddress,
    string? Detail);
