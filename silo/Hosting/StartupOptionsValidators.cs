using Microsoft.Extensions.Options;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Hosting;

// Each validator names the option it rejects, so a bad deployment fails at start-up with a message
// an operator can act on rather than at the first reservation.

internal sealed class GrainOptionsValidation : IValidateOptions<GrainOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainOptions options) =>
        ToResult(GrainOptionsValidator.Validate(options));

    internal static ValidateOptionsResult ToResult(IReadOnlyList<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}

internal sealed class SlotPoolRulesValidation : IValidateOptions<SlotPoolRules>
{
    public ValidateOptionsResult Validate(string? name, SlotPoolRules options) =>
        GrainOptionsValidation.ToResult(options.Validate());
}

internal sealed class BookingEngineOptionsValidation : IValidateOptions<BookingEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingEngineOptions options) =>
        options.Engine is BookingEngineOptions.Actor or BookingEngineOptions.Conventional
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{BookingEngineOptions.SectionName}:{nameof(options.Engine)} must be '{BookingEngineOptions.Actor}' or "
                + $"'{BookingEngineOptions.Conventional}' (was '{options.Engine}').");
}

internal sealed class ClusterSettingsValidation : IValidateOptions<ClusterSettings>
{
    public ValidateOptionsResult Validate(string? name, ClusterSettings options) =>
        GrainOptionsValidation.ToResult(options.Validate());
}
