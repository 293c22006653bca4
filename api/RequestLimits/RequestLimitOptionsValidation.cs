using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.RequestLimits;

/// <summary>Rejects a body limit that cannot work at start-up, naming the option.</summary>
public sealed class RequestLimitOptionsValidation : IValidateOptions<RequestLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestLimitOptions options) =>
        options.MaxRequestBodyBytes is >= RequestLimitOptions.MinRequestBodyBytes and <= RequestLimitOptions.MaxRequestBodyBytesCeiling
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{RequestLimitOptions.SectionName}:{nameof(RequestLimitOptions.MaxRequestBodyBytes)} must be between "
                + $"{RequestLimitOptions.MinRequestBodyBytes} and {RequestLimitOptions.MaxRequestBodyBytesCeiling} (was {options.MaxRequestBodyBytes})."));
}
