using Microsoft.Extensions.Options;
using OrleansBooking.Grains.Payments;

namespace OrleansBooking.Silo.Hosting.SlotPools;

/// <summary>
/// The payment rules' own checks, plus one across sections: holds live in the pool grain, so
/// payment at booking needs the actor engine (the conventional one never holds a number).
/// </summary>
public sealed class PaymentRulesValidation(IOptions<BookingEngineOptions> engine) : IValidateOptions<PaymentRules>
{
    public ValidateOptionsResult Validate(string? name, PaymentRules options)
    {
        var errors = options.Validate().ToList();
        if (!options.IsOff && engine.Value.Engine == BookingEngineOptions.Conventional)
            errors.Add($"{PaymentRules.SectionName}:{nameof(PaymentRules.Mode)} '{PaymentRules.AtBooking}' needs {BookingEngineOptions.SectionName}:{nameof(BookingEngineOptions.Engine)} '{BookingEngineOptions.Actor}'.");
        return ValidatedOptions.ToResult(errors);
    }
}
