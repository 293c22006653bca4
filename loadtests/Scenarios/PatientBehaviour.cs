namespace OrleansBooking.LoadTests.Scenarios;

/// <summary>How a virtual patient behaves, modelled on a person with a phone at 08:00.</summary>
public sealed record PatientBehaviour
{
    /// <summary>Doctors a patient tries before giving up after <c>sold_out</c>. Default 3.</summary>
    public int MaxChoices { get; init; } = 3;
    /// <summary>Retries of one attempt after a 503 or timeout, always with the same idempotency key. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;
    /// <summary>First back-off; doubles per retry, with jitter, unless the service sends Retry-After. Default 200 ms.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(200);
    /// <summary>Longest back-off, also the cap on Retry-After. Default 5 s.</summary>
    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Share of arrivals that only look at a pool (GET) and do not book. Default 0.1.</summary>
    public double BrowseRatio { get; init; } = 0.1;
    /// <summary>Share of booked patients who cancel later, giving the number back. Default 0.02.</summary>
    public double CancelRatio { get; init; } = 0.02;
    /// <summary>How long after booking those patients cancel. Default 3 s.</summary>
    public TimeSpan CancelAfter { get; init; } = TimeSpan.FromSeconds(3);

    public void Validate()
    {
        if (MaxChoices < 1) throw new ArgumentException("--max-choices must be at least 1.");
        if (MaxRetries < 0) throw new ArgumentException("--max-retries must not be negative.");
        if (BrowseRatio is < 0 or > 1) throw new ArgumentException("--browse-ratio must be between 0 and 1.");
        if (CancelRatio is < 0 or > 1) throw new ArgumentException("--cancel-ratio must be between 0 and 1.");
    }
}
