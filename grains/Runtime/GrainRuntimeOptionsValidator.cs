namespace OrleansBooking.Grains.Runtime;

/// <summary>Rejects a configuration that would make the runtime misbehave, naming the option.</summary>
public static class GrainRuntimeOptionsValidator
{
    public static IReadOnlyList<string> Validate(GrainRuntimeOptions options)
    {
        var errors = new List<string>();
        var section = GrainRuntimeOptions.SectionName;
        if (options.MailboxCapacity < 1)
            errors.Add($"{section}:{nameof(options.MailboxCapacity)} must be at least 1 (was {options.MailboxCapacity}).");
        if (options.CallTimeout <= TimeSpan.Zero)
            errors.Add($"{section}:{nameof(options.CallTimeout)} must be positive (was {options.CallTimeout}).");
        if (options.IdleAge <= TimeSpan.Zero)
            errors.Add($"{section}:{nameof(options.IdleAge)} must be positive (was {options.IdleAge}).");
        if (options.CollectionInterval <= TimeSpan.Zero)
            errors.Add($"{section}:{nameof(options.CollectionInterval)} must be positive (was {options.CollectionInterval}).");
        if (options.MaxChangesPerWrite < 1)
            errors.Add($"{section}:{nameof(options.MaxChangesPerWrite)} must be at least 1 (was {options.MaxChangesPerWrite}).");
        return errors;
    }

    public static void ThrowIfInvalid(GrainRuntimeOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
            throw new ArgumentException("Invalid runtime options: " + string.Join(" ", errors), nameof(options));
    }
}
