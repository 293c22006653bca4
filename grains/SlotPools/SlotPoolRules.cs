namespace OrleansBooking.Grains.SlotPools;

/// <summary>The hospital's rules every pool follows. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class SlotPoolRules
{
    public const string SectionName = "Booking:Rules";
    public const string DefaultTimeZoneId = "Asia/Shanghai";
    public const int DefaultCancellationDaysBefore = 1;
    public static readonly TimeSpan DefaultCancellationTimeOfDay = new(15, 0, 0);

    /// <summary>The hospital's time zone: visit dates and times are local to it. Default Asia/Shanghai.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    /// <summary>Patients may cancel until this many days before the visit day… Default 1.</summary>
    public int CancellationDaysBefore { get; set; } = DefaultCancellationDaysBefore;

    /// <summary>…at this local time. Default 15:00 (so: until 15:00 the day before).</summary>
    public TimeSpan CancellationTimeOfDay { get; set; } = DefaultCancellationTimeOfDay;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>When the patient holding <paramref name="sequenceNumber"/> is expected to be seen.</summary>
    public DateTimeOffset VisitTime(PoolDefinition pool, int sequenceNumber, TimeZoneInfo zone) =>
        Local(pool.Date.ToDateTime(pool.StartTime).AddMinutes((sequenceNumber - 1) * pool.MinutesPerNumber), zone);

    /// <summary>The last instant a patient may cancel a reservation in <paramref name="pool"/>.</summary>
    public DateTimeOffset CancellationDeadline(PoolDefinition pool, TimeZoneInfo zone) => CancellationDeadline(pool.Date, zone);

    /// <summary>The last instant a patient may cancel a reservation for <paramref name="visitDay"/>.</summary>
    public DateTimeOffset CancellationDeadline(DateOnly visitDay, TimeZoneInfo zone) =>
        Local(visitDay.AddDays(-CancellationDaysBefore).ToDateTime(TimeOnly.FromTimeSpan(CancellationTimeOfDay)), zone);

    private static DateTimeOffset Local(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        try
        {
            _ = TimeZone;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"{SectionName}:{nameof(TimeZoneId)} '{TimeZoneId}' is not a known time zone.");
        }
        if (CancellationDaysBefore < 0)
            errors.Add($"{SectionName}:{nameof(CancellationDaysBefore)} must not be negative (was {CancellationDaysBefore}).");
        if (CancellationTimeOfDay < TimeSpan.Zero || CancellationTimeOfDay >= TimeSpan.FromDays(1))
            errors.Add($"{SectionName}:{nameof(CancellationTimeOfDay)} must be a time of day (was {CancellationTimeOfDay}).");
        return errors;
    }
}
