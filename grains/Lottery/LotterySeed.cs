using System.Security.Cryptography;

namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// The secret a pool's draw is decided by: 32 random bytes chosen when the pool is set to draw,
/// stored with the pool and shown in its audit once the window has closed. Kept as hex so it can
/// be printed, stored and typed back in to check a draw.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.LotterySeed")]
public sealed record LotterySeed(string Hex)
{
    public const int Bytes = 32;

    public static LotterySeed New() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Bytes)));

    /// <summary>A seed read back from storage or typed by an auditor; null when it is not 64 hex digits.</summary>
    public static LotterySeed? Parse(string? hex)
    {
        if (hex is null || hex.Length != Bytes * 2 || !hex.All(Uri.IsHexDigit)) return null;
        return new LotterySeed(hex.ToLowerInvariant());
    }

    public byte[] ToBytes() => Convert.FromHexString(Hex);
}
