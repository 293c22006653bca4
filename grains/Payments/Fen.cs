namespace OrleansBooking.Grains.Payments;

/// <summary>Money as payment gateways count it: whole fen (1/100 yuan) in a long, never a fraction.</summary>
public static class Fen
{
    /// <summary>A fee in yuan (two decimals, as the pools row stores it) in fen.</summary>
    public static long FromYuan(decimal yuan) => checked((long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero));
}
