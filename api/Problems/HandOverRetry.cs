using Orleans.Runtime;
using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Api.Problems;

/// <summary>
/// A booking call that met a grain moving between silos is sent again before the caller is told to
/// retry. While a silo stops (or dies) its pools and patients move: for a moment Orleans refuses
/// messages to the old place, or a second activation loses the version fence to the first. Neither
/// decided anything, and a repeated reservation is safe anyway (the pool answers a patient's second
/// try with the same reservation or <c>already_booked</c>), so a few tries a few hundred
/// milliseconds apart turn the hand-over into a slower answer instead of a 503. Faults that mean
/// "the database is down" or "overloaded" are not retried here: repeating those would only add load.
/// </summary>
public static class HandOverRetry
{
    // Backoffs between the tries (real time: this waits for Orleans' directory, not the hospital's clock).
    private static readonly TimeSpan[] Backoffs = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(400)];

    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await call();
            }
            catch (Exception fault) when (retry < Backoffs.Length && IsHandOver(fault))
            {
                // Not cancelled with the request: a caller who left costs at most these few hundred milliseconds.
                await Task.Delay(Backoffs[retry]);
            }
        }
    }

    /// <summary>Orleans refused the message (silo stopping, gone, or the grain mid-move), or a duplicate activation was fenced off.</summary>
    public static bool IsHandOver(Exception fault) =>
        fault is OrleansMessageRejectionException or GrainStorageException { IsVersionConflict: true };
}
