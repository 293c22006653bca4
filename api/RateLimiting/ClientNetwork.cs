using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// Where a caller comes from, as the per-address limits count it: an IPv4 address, or the /64 an
/// IPv6 address belongs to. One IPv6 subscriber usually holds a whole /64 and can pick a fresh
/// address in it for every request, so counting single IPv6 addresses would limit nobody.
/// </summary>
/// <remarks>A value, built without allocating: it is made for every request.</remarks>
public readonly record struct ClientNetwork(UInt128 Prefix)
{
    /// <summary>
    /// Not a network: the key of requests that are not limited per address. No real address maps
    /// here: an IPv6 /64 ends in 64 zero bits and an IPv4 address starts with 80.
    /// </summary>
    public static readonly ClientNetwork None = new(UInt128.MaxValue);

    private static readonly UInt128 Ipv4Mapped = (UInt128)0xFFFF << 32;
    private static readonly UInt128 Slash64 = (UInt128)ulong.MaxValue << 64;

    /// <summary>The network of <paramref name="address"/>; an IPv4 address and its IPv4-mapped IPv6 form are one network.</summary>
    public static ClientNetwork Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes[12..], out _);
            return new(BinaryPrimitives.ReadUInt128BigEndian(bytes) | Ipv4Mapped);
        }
        address.TryWriteBytes(bytes, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        // A dual-stack socket reports IPv4 callers as ::ffff:a.b.c.d; their /64 would be every IPv4 caller at once.
        return (value >> 32) == 0xFFFF ? new(value) : new(value & Slash64);
    }
}
