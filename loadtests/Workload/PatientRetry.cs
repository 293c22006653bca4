using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>
/// A patient's tap that is not a booking (paying, joining a waitlist, accepting an offer): sent
/// again after a 503 or a timeout, as the app would, with the same back-off cap as bookings;
/// every try is measured from when it was meant to start. Only idempotent calls go through here.
/// </summary>
public static class PatientRetry
{
    public static async Task<ServiceCall<T>> RunAsync<T>(
        Func<Task<ServiceCall<T>>> call, RequestKind kind, RunMeasurements measurements, PatientBehaviour behaviour, CancellationToken ct)
        where T : class
    {
        var clock = measurements.Clock;
        for (int retry = 0; ; retry++)
        {
            long intended = clock.GetTimestamp();
            ServiceCall<T> result;
            try
            {
                result = await call().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Cut off in flight: whether the service acted is unknown, so it is neither an answer nor an error.
                measurements.CutOff.Add(kind);
                throw;
            }
            measurements.Record(kind, result.Outcome, intended);
            if (!result.Outcome.IsTransient || retry >= behaviour.MaxRetries) return result;
            var wait = result.RetryAfter is { } hinted && hinted > TimeSpan.Zero
                ? hinted
                : behaviour.BackoffBase * Math.Pow(2, retry);
            await Task.Delay(wait < behaviour.BackoffCap ? wait : behaviour.BackoffCap, clock, ct).ConfigureAwait(false);
        }
    }
}
