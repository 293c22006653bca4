using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api;

/// <summary>
/// The clock and time zone every answer is stated in: patients read times in the hospital's
/// zone, whatever zone the server runs in.
/// </summary>
public sealed class HospitalTime(TimeProvider clock, TimeZoneInfo zone, SlotPoolRules rules)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The last instant a patient may cancel a visit at <paramref name="visitTime"/> (the pool's rule, read from its visit day).</summary>
    public DateTimeOffset CancellationDeadline(DateTimeOffset visitTime) =>
        rules.CancellationDeadline(DateOnly.FromDateTime(ToLocal(visitTime).DateTime), zone);
}
