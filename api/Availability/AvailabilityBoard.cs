using System.Collections.Concurrent;
using OrleansBooking.Api.Contracts.Availability;

namespace OrleansBooking.Api.Availability;

/// <summary>
/// Each department's open sessions, read from the database at most once per <see cref="MaxAge"/>
/// per silo however many patients ask: during a rush every search of a department in the same
/// second shares one query, and what it shows is never more than a second behind the commits.
/// Only one read of a department runs at a time; a failed read is not kept.
/// </summary>
public sealed class AvailabilityBoard(IOpenSessions sessions, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Reading> readings = new(StringComparer.Ordinal);

    /// <summary>The department's open sessions from <paramref name="today"/> on, and when they were read.</summary>
    public async Task<(IReadOnlyList<OpenSession> Sessions, DateTimeOffset ReadAt)> ReadAsync(
        string departmentId, DateOnly today, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            if (readings.TryGetValue(departmentId, out var reading) && reading.Today == today && now - reading.At < MaxAge)
            {
                try
                {
                    return (await reading.Sessions.Value.WaitAsync(cancellationToken), reading.At);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Forget the failed read so the next caller asks the database again; this one answers the fault.
                    readings.TryRemove(new KeyValuePair<string, Reading>(departmentId, reading));
                    throw;
                }
            }
            // The read is shared by everyone waiting on it, so no single caller's cancellation may stop it.
            var fresh = new Reading(now, today, new Lazy<Task<IReadOnlyList<OpenSession>>>(
                () => sessions.ListAsync(departmentId, today, CancellationToken.None)));
            // Whoever wins the race puts its read in place; every caller then loops and waits on that one.
            _ = reading is null ? readings.TryAdd(departmentId, fresh) : readings.TryUpdate(departmentId, fresh, reading);
        }
    }

    private sealed record Reading(DateTimeOffset At, DateOnly Today, Lazy<Task<IReadOnlyList<OpenSession>>> Sessions);
}
