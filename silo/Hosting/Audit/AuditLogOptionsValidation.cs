using Microsoft.Extensions.Options;

namespace OrleansBooking.Silo.Hosting.Audit;

/// <summary>Rejects audit log settings that cannot work, at start-up, naming the option.</summary>
public sealed class AuditLogOptionsValidation : IValidateOptions<AuditLogOptions>
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, AuditLogOptions options)
    {
        var errors = new List<string>();
        if (options.Capacity is < 1 or > 10_000_000)
            errors.Add($"{Name(nameof(options.Capacity))} must be between 1 and 10000000 (was {options.Capacity}).");
        if (options.BatchInterval <= TimeSpan.Zero || options.BatchInterval > LongestWait)
            errors.Add($"{Name(nameof(options.BatchInterval))} must be more than 0 and at most {LongestWait} (was {options.BatchInterval}).");
        if (options.MaxBatch is < 1 or > 100_000)
            errors.Add($"{Name(nameof(options.MaxBatch))} must be between 1 and 100000 (was {options.MaxBatch}).");
        if (options.WriteAttempts is < 1 or > 100)
            errors.Add($"{Name(nameof(options.WriteAttempts))} must be between 1 and 100 (was {options.WriteAttempts}).");
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > LongestWait)
            errors.Add($"{Name(nameof(options.RetryDelay))} must be between 0 and {LongestWait} (was {options.RetryDelay}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Name(string option) => $"{AuditLogOptions.SectionName}:{option}";
}
