using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

public sealed class GrainOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid() => Assert.Empty(GrainOptionsValidator.Validate(new GrainOptions()));

    [Theory]
    [InlineData(nameof(GrainOptions.MaxWaitingCalls), "Grains:MaxWaitingCalls must be at least 1 (was 0).")]
    [InlineData(nameof(GrainOptions.CallTimeout), "Grains:CallTimeout must be positive (was 00:00:00).")]
    [InlineData(nameof(GrainOptions.IdleAge), "Grains:IdleAge must be positive (was -00:00:01).")]
    [InlineData(nameof(GrainOptions.CollectionInterval), "Grains:CollectionInterval must be positive (was 00:00:00).")]
    [InlineData(nameof(GrainOptions.MaxChangesPerWrite), "Grains:MaxChangesPerWrite must be at least 1 (was 0).")]
    public void ABadOptionIsRejectedByName(string option, string message)
    {
        var options = new GrainOptions();
        switch (option)
        {
            case nameof(GrainOptions.MaxWaitingCalls): options.MaxWaitingCalls = 0; break;
            case nameof(GrainOptions.CallTimeout): options.CallTimeout = TimeSpan.Zero; break;
            case nameof(GrainOptions.IdleAge): options.IdleAge = TimeSpan.FromSeconds(-1); break;
            case nameof(GrainOptions.CollectionInterval): options.CollectionInterval = TimeSpan.Zero; break;
            case nameof(GrainOptions.MaxChangesPerWrite): options.MaxChangesPerWrite = 0; break;
            default: throw new ArgumentOutOfRangeException(nameof(option), option, "no such option");
        }

        Assert.Equal([message], GrainOptionsValidator.Validate(options));
    }

    [Fact]
    public void EveryBadOptionIsNamedInOneValidation()
    {
        var options = new GrainOptions
        {
            MaxWaitingCalls = -3,
            CallTimeout = TimeSpan.FromSeconds(-2),
            IdleAge = TimeSpan.Zero,
            CollectionInterval = TimeSpan.FromMinutes(-1),
            MaxChangesPerWrite = 0,
        };

        Assert.Equal(
            [
                "Grains:MaxWaitingCalls must be at least 1 (was -3).",
                "Grains:CallTimeout must be positive (was -00:00:02).",
                "Grains:IdleAge must be positive (was 00:00:00).",
                "Grains:CollectionInterval must be positive (was -00:01:00).",
                "Grains:MaxChangesPerWrite must be at least 1 (was 0).",
            ],
            GrainOptionsValidator.Validate(options));
    }
}
