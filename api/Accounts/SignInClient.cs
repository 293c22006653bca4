using System.Buffers.Binary;
using System.Net;
using OrleansBooking.Api.RateLimiting;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Where a password guess comes from, as lockouts count it: the network the rate limits use (an
/// IPv4 address, or an IPv6 /64 — one subscriber can pick any address in it), written readably
/// for the admin who looks at a lock.
/// </summary>
public static class SignInClient
{
    /// <summary>A host that gives no address (an in-process test server): all such callers share one key.</summary>
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null) return Unknown;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, ClientNetwork.Of(address).Prefix);
        var network = new IPAddress(bytes);
        return network.IsIPv4MappedToIPv6 ? network.MapToIPv4().ToString() : network + "/64";
    }
}
