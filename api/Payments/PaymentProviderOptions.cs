namespace OrleansBooking.Api.Payments;

/// <summary>Which provider takes the money and how often refunds are pushed (section <c>Booking:Payment</c>, beside the hold rules).</summary>
public sealed class PaymentProviderOptions
{
    public const string SectionName = "Booking:Payment";

    /// <summary>The only built-in provider; a real gateway would be another name and implementation.</summary>
    public string Provider { get; set; } = Sandbox.SandboxProvider.ProviderName;

    /// <summary>How often the refund job opens the refunds cancellations owe and retries those the provider has not confirmed. Default 10 s.</summary>
    public TimeSpan RefundInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Provider != Sandbox.SandboxProvider.ProviderName)
            errors.Add($"{SectionName}:{nameof(Provider)} must be '{Sandbox.SandboxProvider.ProviderName}' (was '{Provider}'): no other provider is built in.");
        if (RefundInterval < TimeSpan.FromSeconds(1) || RefundInterval > TimeSpan.FromHours(1))
            errors.Add($"{SectionName}:{nameof(RefundInterval)} must be between 00:00:01 and 01:00:00 (was {RefundInterval}).");
        return errors;
    }
}
