using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>Rejects an allowance that cannot work at start-up, naming the option.</summary>
public sealed class RateLimitOptionsValidation : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        Check(errors, nameof(RateLimitOptions.PerAccount), options.PerAccount);
        Check(errors, nameof(RateLimitOptions.PerAddress), options.PerAddress);
        Check(errors, nameof(RateLimitOptions.SignIn), options.SignIn);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string section, RequestAllowance? allowance)
    {
        var prefix = $"{RateLimitOptions.SectionName}:{section}";
        if (allowance is null)
        {
            errors.Add($"{prefix} is missing.");
            return;
        }
        if (allowance.Burst is < 1 or > RequestAllowance.MaxBurst)
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}:{nameof(RequestAllowance.Burst)} must be between 1 and {RequestAllowance.MaxBurst} (was {allowance.Burst})."));
        // Written so that NaN fails too.
        if (!(allowance.PermitsPerSecond >= RequestAllowance.MinPermitsPerSecond && allowance.PermitsPerSecond <= RequestAllowance.MaxPermitsPerSecond))
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}:{nameof(RequestAllowance.PermitsPerSecond)} must be between {RequestAllowance.MinPermitsPerSecond} and "
                + $"{RequestAllowance.MaxPermitsPerSecond} (was {allowance.PermitsPerSecond})."));
    }
}
