using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>One GET of the cheapest route: what the host and HTTP stack cost with no booking at all.</summary>
public sealed class CeilingProbe : IArrivalWork
{
    /// <summary>Default route: liveness, which touches neither grains nor the database.</summary>
    public const string DefaultPath = "health/live";

    private readonly BookingServiceClient _client;
    private readonly RunMeasurements _measurements;
    private readonly string _path;

    public CeilingProbe(BookingServiceClient client, RunMeasurements measurements, string path = DefaultPath)
    {
        _client = client;
        _measurements = measurements;
        _path = path.TrimStart('/');
    }

    public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
    {
        var outcome = await _client.ProbeAsync(_path, cancellationToken).ConfigureAwait(false);
        _measurements.Record(RequestKind.Ceiling, outcome, intendedTimestamp);
    }
}
