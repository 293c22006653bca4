namespace OrleansBooking.Grains.GroupCommit;

/// <summary>Rejects a configuration that would make the grains misbehave, naming the option.</summary>
public static class GrainOptionsValidator
{
    public static IReadOnlyList<string> Validate(GrainOptions options)
    {
        var errors = new List<string>();
        var section = GrainOptions.SectionName;
        if (options.MaxWaitingCalls < 1)
            errors.Add($"{section}:{nameof(options.MaxWaitingCalls)} must be at least 1 (was {options.MaxWaitingCalls}).");
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
}
