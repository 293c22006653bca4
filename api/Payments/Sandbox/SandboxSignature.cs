using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansBooking.Api.Payments.Sandbox;

/// <summary>
/// How the sandbox signs its callbacks, as real gateways do: the lower-case hex HMAC-SHA256, keyed
/// with the shared secret, of the Unix seconds in <see cref="TimestampHeader"/>, a line feed, and
/// the exact body bytes. Signing the timestamp lets the receiver refuse a replayed old callback.
/// </summary>
public static class SandboxSignature
{
    public const string SignatureHeader = "X-Sandbox-Signature";
    public const string TimestampHeader = "X-Sandbox-Timestamp";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "\n");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Recomputes and compares in fixed time, so the time taken says nothing of how much of a guess was right.</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
