using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBooking.Api;

/// <summary>
/// Writes every instant of every answer (bodies and problem extensions alike) with the hospital's
/// offset, e.g. <c>2026-12-07T08:00:00+08:00</c>: a patient reads "08:00" as the hospital's clock
/// shows it, whatever zone the server or a stored value is in. The instant itself is unchanged.
/// </summary>
public sealed class HospitalOffsetConverter(TimeZoneInfo zone) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TimeZoneInfo.ConvertTime(value, zone));
}
