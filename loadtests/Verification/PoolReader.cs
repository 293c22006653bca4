using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Verification;

/// <summary>
/// Reads pools back through the service's read API for verification, retrying transient failures:
/// the public snapshot, and every reservation through the admin's view of the pool.
/// </summary>
public static class PoolReader
{
    private const int Attempts = 5;

    public static async Task<IReadOnlyList<PoolReadback>> ReadAsync(
        BookingServiceClient client, AdminSession admin, IEnumerable<(string PoolId, string? Date)> pools, CancellationToken ct)
    {
        var result = new List<PoolReadback>();
        foreach (var (poolId, date) in pools)
        {
            var snapshot = await RetryAsync(() => client.GetPoolAsync(poolId, ct), ct).ConfigureAwait(false);
            var reservations = await RetryAsync(
                () => admin.CallAsync(token => client.ListReservationsAsync(poolId, token, ct), $"Listing the reservations of pool {poolId}", ct), ct)
                .ConfigureAwait(false);
            result.Add(new PoolReadback(poolId, snapshot, reservations, date));
        }
        return result;
    }

    private static async Task<T?> RetryAsync<T>(Func<Task<ServiceCall<T>>> call, CancellationToken ct) where T : class
    {
        for (int attempt = 1; ; attempt++)
        {
            var result = await call().ConfigureAwait(false);
            if (result.Outcome.IsSuccess) return result.Body;
            if (!result.Outcome.IsTransient || attempt == Attempts) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct).ConfigureAwait(false);
        }
    }
}
