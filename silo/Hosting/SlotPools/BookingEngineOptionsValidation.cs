using Microsoft.Extensions.Options;

namespace OrleansBooking.Silo.Hosting.SlotPools;

/// <summary>Only the two engines exist; anything else stops start-up naming the setting.</summary>
internal sealed class BookingEngineOptionsValidation : IValidateOptions<BookingEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingEngineOptions options) =>
        options.Engine is BookingEngineOptions.Actor or BookingEngineOptions.Conventional
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{BookingEngineOptions.SectionName}:{nameof(options.Engine)} must be '{BookingEngineOptions.Actor}' or "
                + $"'{BookingEngineOptions.Conventional}' (was '{options.Engine}').");
}
