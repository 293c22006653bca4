using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace OrleansBooking.Api.Caching;

/// <summary>
/// Entity tags and the 304 answer for the GETs patients repeat: a pool, and the catalogue's browse
/// answers. Apps may keep such an answer but must ask again each time, and a repeated
/// If-None-Match that still matches gets 304 without a body.
/// </summary>
public static class ETags
{
    /// <summary>
    /// A tag from a hash of the body's content, so it changes exactly when something a patient sees
    /// changes (a number taken, a release passing, an admin edit).
    /// </summary>
    public static EntityTagHeaderValue For<T>(T body)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"");
    }

    /// <summary>Sets the ETag (and no-cache: apps may keep the answer but must revalidate); true when the client's copy is current.</summary>
    public static bool NotModified(HttpRequest request, HttpResponse response, EntityTagHeaderValue etag)
    {
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = "no-cache";
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
    }
}
