using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Payments.Sandbox;

namespace OrleansBooking.Tests.Payment;

/// <summary>Bad payment settings stop the silo naming the setting.</summary>
public sealed class SandboxOptionsTests
{
    [Fact]
    public void TheSecretIsRequiredOnlyWhilePaymentCanBeOn()
    {
        Assert.Empty(new SandboxOptions().Validate(paymentCanBeOn: false));
        Assert.Contains("Booking:Payment:Sandbox:Secret", Assert.Single(new SandboxOptions { Secret = "short" }.Validate(paymentCanBeOn: true)));
        Assert.Empty(new SandboxOptions { Secret = new string('s', 32) }.Validate(paymentCanBeOn: true));
    }

    [Fact]
    public void ACallbackUrlMustBeAbsoluteHttpAndTheToleranceSensible()
    {
        var errors = new SandboxOptions { CallbackUrl = "ftp://x", SignatureTolerance = TimeSpan.Zero }.Validate(paymentCanBeOn: false);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("CallbackUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SignatureTolerance", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheSandboxProviderIsBuiltIn()
    {
        Assert.Empty(new PaymentProviderOptions().Validate());
        Assert.Contains("Booking:Payment:Provider", Assert.Single(new PaymentProviderOptions { Provider = "wechat" }.Validate()));
    }

    [Fact]
    public void ARefundWaitsLongerAfterEachFailureUpToTenMinutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RefundRun.Delay(0));
        Assert.Equal(TimeSpan.FromSeconds(20), RefundRun.Delay(2));
        Assert.Equal(TimeSpan.FromMinutes(10), RefundRun.Delay(60));
    }
}
