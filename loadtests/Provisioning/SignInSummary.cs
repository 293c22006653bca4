namespace OrleansBooking.LoadTests.Provisioning;

/// <summary>
/// How long signing the crowd in took and how many sign-ins were retried. It happens before the
/// release is set, so none of it is in the rush's latency or throughput; it is reported on its own.
/// </summary>
public sealed record SignInSummary(int Patients, TimeSpan Elapsed, int Retries)
{
    /// <summary>Nobody signed in: the service has no patient accounts.</summary>
    public static SignInSummary None { get; } = new(0, TimeSpan.Zero, 0);

    public double PerSecond => Elapsed > TimeSpan.Zero ? Patients / Elapsed.TotalSeconds : 0;
}
