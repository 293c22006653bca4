namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// How one HTTP request ended. <see cref="Status"/> is 0 when no response arrived, and then
/// <see cref="Code"/> says why (<c>timeout</c>, <c>transport_error</c>).
/// </summary>
public readonly record struct RequestOutcome(int Status, string Code)
{
    public const string NoCode = "";
    public const string Timeout = "timeout";
    public const string TransportError = "transport_error";

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>
    /// Errors are what a patient should never see from a healthy service: 5xx, no response, and
    /// 4xx that are not booking decisions. A 409 such as <c>sold_out</c> is a correct answer.
    /// </summary>
    public bool IsError => Status == 0 || Status >= 500 || (Status >= 400 && Status != 409);

    /// <summary>Worth retrying with the same idempotency key: every 503, a timeout, a dropped connection.</summary>
    public bool IsTransient => Status == 0 || Status == 503;

    public override string ToString() => Status == 0 ? Code : Code.Length == 0 ? Status.ToString() : $"{Status} {Code}";
}
