namespace OrleansBooking.Api.Payments.Sandbox;

/// <summary>The built-in sandbox provider (section <see cref="SectionName"/>).</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Booking:Payment:Sandbox";

    public const int MinimumSecretLength = 32;

    /// <summary>The key both sides sign callbacks with (≥ 32 characters); required while payment can be on.</summary>
    public string? Secret { get; set; }

    /// <summary>Where the sandbox sends callbacks; by default this silo's own callback route.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>How far a callback's signed timestamp may be from now before it is refused as stale. Default 5 minutes.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the sandbox sends again the callbacks the service has not acknowledged. Default 10 seconds.</summary>
    public TimeSpan CallbackRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> Validate(bool paymentCanBeOn)
    {
        var errors = new List<string>();
        if (paymentCanBeOn && (Secret is null || Secret.Length < MinimumSecretLength))
            errors.Add($"{SectionName}:{nameof(Secret)} must be at least {MinimumSecretLength} characters while payment at booking is on.");
        if (CallbackUrl is not null && !(Uri.TryCreate(CallbackUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            errors.Add($"{SectionName}:{nameof(CallbackUrl)} must be an absolute http(s) URL (was '{CallbackUrl}').");
        if (SignatureTolerance < TimeSpan.FromSeconds(1) || SignatureTolerance > TimeSpan.FromHours(1))
            errors.Add($"{SectionName}:{nameof(SignatureTolerance)} must be between 00:00:01 and 01:00:00 (was {SignatureTolerance}).");
        if (CallbackRetryInterval < TimeSpan.FromSeconds(1) || CallbackRetryInterval > TimeSpan.FromHours(1))
            errors.Add($"{SectionName}:{nameof(CallbackRetryInterval)} must be between 00:00:01 and 01:00:00 (was {CallbackRetryInterval}).");
        return errors;
    }
}
