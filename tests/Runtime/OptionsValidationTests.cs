using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Tests.Runtime;

public sealed class OptionsValidationTests
{
    [Fact]
    public void DefaultsAreValid() => Assert.Empty(GrainRuntimeOptionsValidator.Validate(new GrainRuntimeOptions()));

    [Theory]
    [InlineData(nameof(GrainRuntimeOptions.MailboxCapacity))]
    [InlineData(nameof(GrainRuntimeOptions.CallTimeout))]
    [InlineData(nameof(GrainRuntimeOptions.IdleAge))]
    [InlineData(nameof(GrainRuntimeOptions.CollectionInterval))]
    [InlineData(nameof(GrainRuntimeOptions.MaxChangesPerWrite))]
    public void AnInvalidOptionIsRejectedByName(string option)
    {
        var options = new GrainRuntimeOptions();
        switch (option)
        {
            case nameof(GrainRuntimeOptions.MailboxCapacity): options.MailboxCapacity = 0; break;
            case nameof(GrainRuntimeOptions.CallTimeout): options.CallTimeout = TimeSpan.Zero; break;
            case nameof(GrainRuntimeOptions.IdleAge): options.IdleAge = TimeSpan.FromSeconds(-1); break;
            case nameof(GrainRuntimeOptions.CollectionInterval): options.CollectionInterval = TimeSpan.Zero; break;
            case nameof(GrainRuntimeOptions.MaxChangesPerWrite): options.MaxChangesPerWrite = 0; break;
        }

        var error = Assert.Single(GrainRuntimeOptionsValidator.Validate(options));

        Assert.StartsWith($"Runtime:{option} ", error);
        Assert.Throws<ArgumentException>(() => new GrainRuntime(options, TimeProvider.System));
    }
}
