using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Service;

/// <summary>The result of one call: how it ended, the body on success, and the hints a retry needs.</summary>
public sealed record ServiceCall<T>(RequestOutcome Outcome, T? Body, TimeSpan? RetryAfter = null, DateTimeOffset? ReleaseAt = null)
    where T : class;
