using Microsoft.Extensions.Options;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Silo.Hosting.Patients;

/// <summary>Rejects limits that make no sense at start-up, naming the option.</summary>
internal sealed class PatientLimitsValidation : IValidateOptions<PatientLimits>
{
    public ValidateOptionsResult Validate(string? name, PatientLimits options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
