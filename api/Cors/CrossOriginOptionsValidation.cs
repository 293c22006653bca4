using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Cors;

/// <summary>
/// Refuses at start-up what would open the API wider than meant: "*" (any site could then call it
/// with a patient's token), and anything that is not a bare http(s) origin (a path or a trailing
/// slash never matches what a browser sends, so it would fail in silence).
/// </summary>
public sealed class CrossOriginOptionsValidation : IValidateOptions<CrossOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
    {
        var errors = new List<string>();
        foreach (var origin in options.AllowedOrigins.Where(o => !IsOrigin(o)))
            errors.Add($"{CrossOriginOptions.SectionName}:AllowedOrigins: '{origin}' is not an origin such as https://app.example.org (scheme, host, optional port; no '*', path or trailing slash).");
        if (options.PreflightMaxAge < TimeSpan.Zero || options.PreflightMaxAge > TimeSpan.FromDays(1))
            errors.Add($"{CrossOriginOptions.SectionName}:PreflightMaxAge must be between 00:00:00 and 1.00:00:00 (was {options.PreflightMaxAge}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && !value.Contains('*')
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), value, StringComparison.OrdinalIgnoreCase);
}
