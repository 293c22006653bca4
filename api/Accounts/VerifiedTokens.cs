using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Access tokens this silo has issued or already opened, so that a patient's second, third … request of the
/// rush is not decrypted again. Opening a bearer token (data protection: a key derivation, an HMAC
/// and an AES decryption, then the ticket's claims) was a fifth of the silo's CPU during the
/// release rush (docs/benchmarks.md); a patient sends several requests within seconds.
/// </summary>
/// <remarks>
/// What is remembered is exactly what opening the same token gives, so nothing a caller sees
/// changes: the handler still refuses a remembered ticket once it expires, and a signed-out
/// session is still refused after authentication (<see cref="RevokedSessionCheck"/>). A ticket is
/// kept as a <see cref="RememberedTicket"/>, ≈ 0.37 KB a session with the cache's own entry where
/// the whole opened ticket took ≈ 2.1 KB, and each request is given a new ticket built from it:
/// ≈ 0.4 µs and 1.3 KB more per request than handing out one shared ticket, where opening the
/// token costs ≈ 8–9 µs and 4 KB (docs/benchmarks.md, "Remembered access tokens"). Entries are
/// keyed by the token's SHA-256, not by the token, so the cache holds no usable credential; one is
/// forgotten when its ticket expires, when its token has not been seen for
/// <see cref="AccountOptions.TokenCacheIdle"/>, or, past <see cref="AccountOptions.TokenCacheEntries"/>,
/// to make room (the cache compacts in the background; a token arriving while it is full is not
/// remembered until then). Tokens that do not open are not remembered. Refresh tokens never come here.
/// </remarks>
public sealed class VerifiedTokens(ISecureDataFormat<AuthenticationTicket> inner, AccountOptions options, TimeProvider clock)
    : ISecureDataFormat<AuthenticationTicket>
{
    private readonly MemoryCache tickets = new(new MemoryCacheOptions { SizeLimit = options.TokenCacheEntries, Clock = new CacheClock(clock) });

    public string Protect(AuthenticationTicket data) => Protect(data, purpose: null);

    /// <summary>
    /// Issues the token (sign-in, refresh) and remembers it at once: a patient signs in before 08:00
    /// and sends their first booking at the release, when opening every newcomer's token, and keeping
    /// what it gives, would be work of the busiest second.
    /// </summary>
    public string Protect(AuthenticationTicket data, string? purpose)
    {
        var token = inner.Protect(data, purpose);
        if (purpose is null && options.TokenCacheEntries > 0) Remember(KeyOf(token), data);
        return token;
    }

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null || options.TokenCacheEntries == 0) return inner.Unprotect(protectedText, purpose);

        var key = KeyOf(protectedText);
        if (tickets.TryGetValue(key, out object? known)) return known is RememberedTicket remembered ? remembered.Ticket() : (AuthenticationTicket?)known;

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null) Remember(key, ticket);
        return ticket;
    }

    private void Remember(UInt128 key, AuthenticationTicket ticket)
    {
        if (ticket.Properties.ExpiresUtc is not { } expires) return;
        // A ticket the compact form cannot hold exactly is kept whole: rare, and still not opened again.
        tickets.Set(key, (object?)RememberedTicket.From(ticket) ?? ticket, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpiration = expires,
            SlidingExpiration = options.TokenCacheIdle,
        });
    }

    private static UInt128 KeyOf(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[1024];
            var written = Encoding.UTF8.GetBytes(token, utf8);
            SHA256.HashData(utf8[..written], hash);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>The cache's expiry follows the silo's clock, so tests on a fake clock see entries expire.</summary>
    private sealed class CacheClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
