using Microsoft.Extensions.Options;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>Rejects a check-in window, grace period or sweep interval that cannot work, at start-up, naming the option.</summary>
public sealed class DoctorsDayOptionsValidation : IValidateOptions<DoctorsDayOptions>
{
    public ValidateOptionsResult Validate(string? name, DoctorsDayOptions options)
    {
        var errors = new List<string>();
        if (options.CheckInOpensMinutesBefore is < 0 or > 24 * 60)
            errors.Add($"{DoctorsDayOptions.SectionName}:{nameof(DoctorsDayOptions.CheckInOpensMinutesBefore)} must be between 0 and 1440 (was {options.CheckInOpensMinutesBefore}).");
        if (options.NoShowGrace < TimeSpan.Zero || options.NoShowGrace > TimeSpan.FromDays(1))
            errors.Add($"{DoctorsDayOptions.SectionName}:{nameof(DoctorsDayOptions.NoShowGrace)} must be between 0 and 1.00:00:00 (was {options.NoShowGrace}).");
        if (options.SweepInterval < TimeSpan.FromSeconds(1) || options.SweepInterval > TimeSpan.FromDays(1))
            errors.Add($"{DoctorsDayOptions.SectionName}:{nameof(DoctorsDayOptions.SweepInterval)} must be between 00:00:01 and 1.00:00:00 (was {options.SweepInterval}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
