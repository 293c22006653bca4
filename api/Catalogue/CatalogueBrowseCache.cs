using System.Collections.Concurrent;
using Microsoft.Net.Http.Headers;
using OrleansBooking.Api.Caching;

namespace OrleansBooking.Api.Catalogue;

/// <summary>
/// Browse answers kept for a short time (<c>Booking:Catalogue:BrowseCacheTtl</c>, default 1 s):
/// before a release thousands of patients refresh the same calendar each second, and one answer
/// per second per page is built for all of them. Concurrent misses may build twice; both are right.
/// </summary>
public sealed class CatalogueBrowseCache(TimeProvider clock, TimeSpan ttl)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public sealed record Entry(object Body, EntityTagHeaderValue ETag, DateTimeOffset Expires);

    /// <summary>The cached answer for <paramref name="key"/>, or a new one; null (not cached) when the page does not exist.</summary>
    public async Task<(T Body, EntityTagHeaderValue ETag)?> GetOrBuildAsync<T>(string key, Func<Task<T?>> build) where T : class
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && now < cached.Expires && cached.Body is T hit) return (hit, cached.ETag);
        if (await build() is not { } body) return null;
        var etag = ETags.For(body);
        // Pages nobody asks for any more are dropped wholesale once far more exist than a hospital has.
        if (entries.Count > 10_000) entries.Clear();
        if (ttl > TimeSpan.Zero) entries[key] = new Entry(body, etag, now + ttl);
        return (body, etag);
    }

    /// <summary>Forgets everything: after an admin change, patients see it at once on this silo.</summary>
    public void Clear() => entries.Clear();
}
