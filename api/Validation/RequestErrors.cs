namespace OrleansBooking.Api.Validation;

/// <summary>What is wrong with one request, per field, so one 400 names every problem at once.</summary>
public sealed class RequestErrors
{
    // Created on the first error: almost every request on the hot path has none.
    private Dictionary<string, List<string>>? byField;

    public bool Any => byField is not null;

    public void Add(string field, string message)
    {
        byField ??= new(StringComparer.Ordinal);
        if (!byField.TryGetValue(field, out var messages)) byField[field] = messages = [];
        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() =>
        byField?.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
}
