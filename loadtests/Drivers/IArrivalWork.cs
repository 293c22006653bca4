namespace OrleansBooking.LoadTests.Drivers;

/// <summary>What one arrival does: a patient's visit, a browse, or a single ceiling probe.</summary>
public interface IArrivalWork
{
    /// <param name="index">The arrival's position in the run, unique within it.</param>
    /// <param name="intendedTimestamp">When the arrival was due; latency is measured from here.</param>
    Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken);
}
