using Microsoft.Extensions.Configuration;
using OrleansBooking.Api.RateLimiting;

namespace OrleansBooking.Tests.Abuse;

/// <summary>The limits an operator configures: partial sections keep the other default, impossible values are named.</summary>
public sealed class RateLimitOptionsTests
{
    [Fact]
    public void TheDefaultsAreValid() =>
        Assert.True(new RateLimitOptionsValidation().Validate(null, new RateLimitOptions()).Succeeded);

    [Fact]
    public void SettingOneNumberOfAnAllowanceKeepsTheOtherDefault()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Booking:RateLimits:PerAccount:Burst"] = "12" })
            .Build();

        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>()!;

        Assert.Equal((12, RateLimitOptions.DefaultPerAccountPermitsPerSecond), (options.PerAccount.Burst, options.PerAccount.PermitsPerSecond));
        Assert.Equal(RateLimitOptions.DefaultPerAddressBurst, options.PerAddress.Burst);
        Assert.True(options.Enabled);
    }

    [Theory]
    [InlineData(0, 1, "Booking:RateLimits:PerAddress:Burst must be between 1 and 1000000 (was 0).")]
    [InlineData(1_000_001, 1, "Booking:RateLimits:PerAddress:Burst must be between 1 and 1000000 (was 1000001).")]
    [InlineData(1, 0, "Booking:RateLimits:PerAddress:PermitsPerSecond must be between 0.001 and 1000000 (was 0).")]
    [InlineData(1, double.NaN, "Booking:RateLimits:PerAddress:PermitsPerSecond must be between 0.001 and 1000000 (was NaN).")]
    [InlineData(1, 2_000_000, "Booking:RateLimits:PerAddress:PermitsPerSecond must be between 0.001 and 1000000 (was 2000000).")]
    public void AnImpossibleAllowanceIsRejectedByName(int burst, double permitsPerSecond, string expected)
    {
        var options = new RateLimitOptions { PerAddress = new() { Burst = burst, PermitsPerSecond = permitsPerSecond } };

        var result = new RateLimitOptionsValidation().Validate(null, options);

        Assert.Equal([expected], result.Failures);
    }
}
