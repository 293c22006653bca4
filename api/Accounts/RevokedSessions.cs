using System.Collections.Concurrent;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// The signed-out sessions this silo knows of, checked on every authenticated request — in memory,
/// because a database read per request would cost the release rush more than the booking itself.
/// A session revoked here counts at once; one revoked on another silo counts after the next
/// <see cref="RefreshAsync"/> (every Booking:Accounts:RevocationPollSeconds).
/// </summary>
public sealed class RevokedSessions(IAccountStore store, TimeProvider clock)
{
    // Silos' clocks differ a little: reading from a minute before the last poll misses nothing.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> expiresBySession = new(StringComparer.Ordinal);
    private DateTimeOffset? lastPoll;

    // ContainsKey takes no lock; IsEmpty takes every lock of the dictionary when it is empty, which
    // is on every request in a rush nobody signs out of (seen as lock contention in a profile).
    public bool IsRevoked(string sessionId) => expiresBySession.ContainsKey(sessionId);

    public void Add(RevokedSession session) => expiresBySession[session.SessionId] = session.ExpiresAt;

    /// <summary>Reads what other silos revoked since the last poll and forgets sessions whose tokens have all expired.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = lastPoll is { } last ? last - Overlap : DateTimeOffset.MinValue;
        foreach (var session in await store.ListRevokedSinceAsync(since, now, cancellationToken)) Add(session);
        lastPoll = now;
        foreach (var (sessionId, expires) in expiresBySession)
            if (expires <= now) expiresBySession.TryRemove(sessionId, out _);
    }
}
