using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.Audit;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Audit;

/// <summary>Audit log settings that cannot work stop start-up with a message naming the setting.</summary>
public sealed class AuditLogOptionsTests
{
    [Fact]
    public void TheDefaultsAreValid() =>
        Assert.True(new AuditLogOptionsValidation().Validate(null, new AuditLogOptions()).Succeeded);

    [Theory]
    [InlineData("Capacity", "0")]
    [InlineData("BatchInterval", "00:00:00")]
    [InlineData("BatchInterval", "00:05:00")]
    [InlineData("MaxBatch", "0")]
    [InlineData("WriteAttempts", "0")]
    [InlineData("RetryDelay", "-00:00:01")]
    public async Task ABadSettingStopsStartUpNamingIt(string option, string value)
    {
        await using var factory = new BookingApiFactory().With($"Booking:Audit:{option}", value);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains($"Booking:Audit:{option}", error.Message, StringComparison.Ordinal);
    }
}
