namespace OrleansBooking.Api.Contracts;

/// <summary>The exact text formats of API.md; parsing and writing use the same ones.</summary>
public static class WireFormats
{
    public const string Date = "yyyy-MM-dd";
    public const string TimeOfDay = "HH:mm";
}
