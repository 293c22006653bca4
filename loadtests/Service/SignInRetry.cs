namespace OrleansBooking.LoadTests.Service;

/// <summary>
/// A password sign-in that outlasts a busy service: 503s, timeouts, dropped connections and 429s
/// (rate limits) are retried after an exponential back-off with jitter, Retry-After winning; any
/// other answer (a 2xx, <c>invalid_credentials</c>, <c>account_locked</c>, …) is final.
/// </summary>
public static class SignInRetry
{
    /// <summary>Attempts before giving up: with the back-off below, about 20 s of a service that keeps answering 503.</summary>
    public const int Attempts = 8;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(5);

    /// <returns>The last answer, and how many retries came before it.</returns>
    public static async Task<(ServiceCall<SignInResponse> Call, int Retries)> SignInAsync(
        BookingServiceClient client, string login, string password, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            var call = await client.SignInAsync(login, password, ct).ConfigureAwait(false);
            if (!(call.Outcome.IsTransient || call.Outcome.Status == 429) || attempt == Attempts) return (call, attempt - 1);
            await Task.Delay(Backoff(attempt, call.RetryAfter), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Half fixed, half random: thousands of patients refused at once must not all come back at once.</summary>
    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } hinted && hinted > TimeSpan.Zero) return hinted < BackoffCap ? hinted : BackoffCap;
        double ceiling = Math.Min(BackoffCap.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
