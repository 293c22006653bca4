using System.Security.Cryptography;
using System.Text;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// The webhook's signature: <c>v1=</c> and the lower-case hex HMAC-SHA256, keyed with the shared
/// secret, of <c>{timestamp}.{body}</c> (the Unix seconds sent in <see cref="TimestampHeader"/>, a
/// dot, the exact body bytes). Signing the timestamp lets the receiver refuse replays of old requests.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Booking-Signature";
    public const string TimestampHeader = "X-Booking-Timestamp";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string Version = "v1=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Version + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
