namespace OrleansBooking.LoadTests.SiloMemory;

/// <summary>
/// What a watched rush says about the silo's memory: the samples at the instants that matter, how
/// long the crowd's patients took to become active, and whether the target held.
/// </summary>
/// <param name="BeforeRelease">The last sample before the release: pools created, the crowd signed in.</param>
/// <param name="MostGrains">The sample from the release on with the most pool and patient grains active: the peak of the run.</param>
/// <param name="LargestDuringCrowd">The sample with the largest working set from the release to the crowd drained, the one the target is judged on.</param>
/// <param name="CrowdEnd">The first sample once the crowd had drained.</param>
/// <param name="AfterIdle">The last sample of the idle wait, if there was one.</param>
/// <param name="PatientsActiveAfter">From the release to the first sample with at least each of <see cref="ActivationShares"/> of the most patient grains.</param>
/// <param name="IdleCollectedAfter">From the end of the crowd to the first sample with at most <see cref="CollectedShare"/> of the most patient grains left.</param>
public sealed record MemoryReading(
    SiloMemorySample? BeforeRelease,
    SiloMemorySample MostGrains,
    SiloMemorySample LargestDuringCrowd,
    SiloMemorySample? CrowdEnd,
    SiloMemorySample? AfterIdle,
    long PeakPoolActivations,
    long PeakPatientActivations,
    IReadOnlyList<TimeSpan?> PatientsActiveAfter,
    TimeSpan? IdleCollectedAfter)
{
    /// <summary>Patient grains left, as a share of the most, below which idle collection counts as done.</summary>
    public const double CollectedShare = 0.01;

    /// <summary>Shares of the most patient grains whose activation time is reported.</summary>
    public static IReadOnlyList<double> ActivationShares { get; } = [0.5, 0.9, 1.0];

    /// <returns>Null when no sample was taken from the release on (the silo does not export its memory).</returns>
    public static MemoryReading? From(IReadOnlyList<SiloMemorySample> samples, DateTimeOffset releaseAt, DateTimeOffset crowdEnd)
    {
        var afterRelease = samples.Where(s => s.At >= releaseAt).ToList();
        if (afterRelease.Count == 0) return null;
        var duringCrowd = afterRelease.Where(s => s.At <= crowdEnd).DefaultIfEmpty(afterRelease[0]);
        long peakPatients = samples.Max(s => s.PatientActivations);
        var idle = samples.Where(s => s.At >= crowdEnd).ToList();
        var collected = peakPatients > 0 ? idle.FirstOrDefault(s => s.PatientActivations <= peakPatients * CollectedShare) : null;
        return new MemoryReading(
            BeforeRelease: samples.LastOrDefault(s => s.At < releaseAt),
            MostGrains: afterRelease.MaxBy(s => s.PoolActivations + s.PatientActivations)!,
            LargestDuringCrowd: duringCrowd.MaxBy(s => s.WorkingSetBytes)!,
            CrowdEnd: idle.FirstOrDefault(),
            AfterIdle: idle.Count > 1 ? idle[^1] : null,
            PeakPoolActivations: samples.Max(s => s.PoolActivations),
            PeakPatientActivations: peakPatients,
            PatientsActiveAfter: ActivationShares
                .Select(share => peakPatients > 0 && afterRelease.FirstOrDefault(s => s.PatientActivations >= share * peakPatients) is { } reached
                    ? reached.At - releaseAt
                    : (TimeSpan?)null)
                .ToList(),
            IdleCollectedAfter: collected is null ? null : collected.At - crowdEnd);
    }

    /// <summary>Whether the largest working set during the crowd stayed under <paramref name="limitBytes"/>.</summary>
    public bool WithinDuringCrowd(long limitBytes) => LargestDuringCrowd.WorkingSetBytes < limitBytes;
}
