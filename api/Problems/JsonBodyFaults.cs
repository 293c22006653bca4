using System.Text.Json;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Problems;

/// <summary>What a <see cref="JsonException"/> from reading a request body says is wrong, per field.</summary>
/// <remarks>
/// System.Text.Json raises one exception type for every fault; only its message tells an unknown
/// field from a repeated one or a wrong type. The messages are matched on their fixed English
/// parts (the runtime ships no translations of them), and the abuse tests pin each case, so a
/// change in a later runtime fails a test rather than mislabels a field.
/// </remarks>
public static class JsonBodyFaults
{
    /// <summary>Field names are the client's own text: echo no more than this of one.</summary>
    public const int MaxEchoedFieldLength = 100;

    public static void Describe(JsonException json, RequestErrors errors)
    {
        var field = FieldOf(json.Path);
        var message = json.Message;
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            errors.Add(field ?? "body", $"{field ?? "The body"} nests deeper than {BookingApiRegistration.MaxJsonDepth} levels.");
        // A reader fault (the inner exception) means the text is not JSON at all.
        else if (json.InnerException is JsonException || field is null)
            errors.Add("body", "The body is not valid JSON, or not a JSON object.");
        else if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            errors.Add(field, $"{field} is not a field of this request.");
        else if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
            errors.Add(field, $"{field} is given more than once.");
        else
            errors.Add(field, $"{field} has the wrong type or is out of range.");
    }

    /// <summary>"$.weekly[0].quota" → "weekly[0].quota", the name the validation errors use; null for the body itself.</summary>
    private static string? FieldOf(string? path)
    {
        if (path is null or "$") return null;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return field.Length <= MaxEchoedFieldLength ? field : string.Concat(field.AsSpan(0, MaxEchoedFieldLength), "…");
    }
}
