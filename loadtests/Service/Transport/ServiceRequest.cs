namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// One request as the service's routes need it, independent of how it is sent: the method, a path
/// relative to the service's URL (already escaped), the caller's token, an idempotency key and a
/// JSON body, each optional.
/// </summary>
public readonly record struct ServiceRequest(
    HttpMethod Method, string Path, BearerToken? Caller = null, string? IdempotencyKey = null, byte[]? JsonBody = null);
