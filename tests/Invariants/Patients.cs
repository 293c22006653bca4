using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Invariants;

/// <summary>How a patient's app behaves: on a retryable fault it tries again with the same idempotency key.</summary>
public static class Patients
{
    public const int MaxAttempts = 500;

    public static async Task<ReserveOutcome> ReserveUntilDecidedAsync(ISlotPoolGrain pool, ReserveRequest request, Action? onRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await pool.ReserveAsync(request);
            }
            catch (GrainUnavailableException) when (attempt < MaxAttempts)
            {
                // Retry at once: what is being tested is the outcome, not the back-off.
                onRetry?.Invoke();
            }
        }
    }

    /// <summary>Everyone in <paramref name="requests"/> presses "book" at the same moment.</summary>
    public static Task<ReserveOutcome[]> RushAsync(ISlotPoolGrain pool, IEnumerable<ReserveRequest> requests) =>
        Task.WhenAll(requests.Select(r => Task.Run(() => pool.ReserveAsync(r))));

    public static IEnumerable<ReserveRequest> Distinct(int count, string prefix = "patient") =>
        Enumerable.Range(1, count).Select(i => new ReserveRequest($"{prefix}-{i}", $"{prefix}-key-{i}"));

    public static IReadOnlyList<(string ReservationId, int SequenceNumber)> Acknowledged(IEnumerable<ReserveOutcome> outcomes) =>
        [.. outcomes.OfType<ReserveOutcome.Reserved>().Select(r => (r.Reservation.ReservationId, r.Reservation.SequenceNumber))];
}
