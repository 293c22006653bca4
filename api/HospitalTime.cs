namespace OrleansBooking.Api;

/// <summary>
/// The clock and time zone every answer is stated in: patients read times in the hospital's
/// zone, whatever zone the server runs in.
/// </summary>
public sealed class HospitalTime(TimeProvider clock, TimeZoneInfo zone)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);
}
