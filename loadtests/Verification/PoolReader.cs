using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Verification;

/// <summary>
/// Reads pools back through the service's read API for verification, retrying transient failures:
/// the public snapshot, and every reservation through the admin's view of the pool.
/// </summary>
public static class PoolReader
{
    /// <summary>Tries per read, the first included.</summary>
    public const int Attempts = 5;

    /// <param name="clock">Whose time the back-off between tries waits on: the run's own, so a test's fake clock drives it.</param>
    public static async Task<IReadOnlyList<PoolReadback>> ReadAsync(
        BookingServiceClient client, AdminSession admin, IEnumerable<(string PoolId, string? Date)> pools, TimeProvider clock, CancellationToken ct)
    {
        var result = new List<PoolReadback>();
        foreach (var (poolId, date) in pools)
        {
            var snapshot = await RetryAsync(() => client.GetPoolAsync(poolId, ct), clock, ct).ConfigureAwait(false);
            var reservations = await RetryAsync(
                () => admin.CallAsync(token => client.ListReservationsAsync(poolId, token, ct), $"Listing the reservations of pool {poolId}", ct),
                clock, ct).ConfigureAwait(false);
            result.Add(new PoolReadback(poolId, snapshot, reservations, date));
        }
        return result;
    }

    /// <summary>
    /// The body of the first success; null after a definite failure or <see cref="Attempts"/> transient
    /// ones (503, timeout), waiting 200 ms × the try's number on <paramref name="clock"/> between them.
    /// </summary>
    public static async Task<T?> RetryAsync<T>(Func<Task<ServiceCall<T>>> call, TimeProvider clock, CancellationToken ct) where T : class
    {
        for (int attempt = 1; ; attempt++)
        {
            var result = await call().ConfigureAwait(false);
            if (result.Outcome.IsSuccess) return result.Body;
            if (!result.Outcome.IsTransient || attempt == Attempts) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), clock, ct).ConfigureAwait(false);
        }
    }
}
