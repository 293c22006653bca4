using System.Globalization;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Reports;

namespace OrleansBooking.LoadTests.SiloMemory;

/// <summary>The report's tables for a watched rush: memory at each instant, and the scale figures against the target.</summary>
public static class MemoryTables
{
    /// <summary>The issue's target: 10,000 active pools plus 200,000 active patients in less than 1 GB of silo memory.</summary>
    public const long TargetBytes = 1L << 30;

    public static IReadOnlyList<ReportTable> Of(MemoryReading m, DateTimeOffset releaseAt, double requestsPerSecond, ProvisioningTimes? provisioning)
    {
        string[] header = ["instant", "t (s from release)", "working set MB", "GC heap MB", "GC committed MB", "pool grains", "patient grains", "all grains"];
        var rows = new List<string[]>();
        void Add(string name, SiloMemorySample? s)
        {
            if (s is null) return;
            rows.Add([name, Seconds(s.At - releaseAt), Mb(s.WorkingSetBytes), Mb(s.GcHeapBytes), Mb(s.GcCommittedBytes),
                Figures.Count(s.PoolActivations), Figures.Count(s.PatientActivations), Figures.Count(s.Activations)]);
        }
        Add("before the release", m.BeforeRelease);
        Add("most grains active (the peak)", m.MostGrains);
        Add("largest working set during the crowd", m.LargestDuringCrowd);
        Add("crowd drained", m.CrowdEnd);
        Add("after idle collection", m.AfterIdle);
        var memory = new ReportTable("Silo memory (its /metrics: process working set; GC heap and committed as the last collection left them)", header, rows);

        var figures = new List<string[]>();
        if (provisioning is { } p)
        {
            figures.Add(["patients registered and crowd signed in (before the release)", $"{Figures.Count(p.PatientsOnFile)} on file, ready in {Seconds(p.PatientsReady)} s"]);
            figures.Add(["pools created (before the release)", $"{Figures.Count(p.Pools)} in {Seconds(p.PoolCreation)} s ({Figures.Rate(p.PoolsPerSecond)}/s)"]);
        }
        var scale = new ReportTable("Scale", ["figure", "value"],
        [
            .. figures,
            ["most pool grains active", Figures.Count(m.PeakPoolActivations)],
            ["most patient grains active", Figures.Count(m.PeakPatientActivations)],
            .. MemoryReading.ActivationShares.Zip(m.PatientsActiveAfter, (share, after) => new[]
            {
                $"time to activate {share.ToString("P0", CultureInfo.InvariantCulture)} of the most patient grains (from the release)", after is { } t ? $"{Seconds(t)} s" : "–",
            }),
            ["idle collection (crowd drained → ≤ 1 % of patient grains)", m.IdleCollectedAfter is { } c ? $"{Seconds(c)} s" : "not seen"],
            ["throughput", $"{Figures.Rate(requestsPerSecond)} requests/s"],
            ["target: < 1 GB working set while the crowd is in", $"{(m.WithinDuringCrowd(TargetBytes) ? "PASS" : "FAIL")} "
                + $"({Mb(m.LargestDuringCrowd.WorkingSetBytes)} MB at most; {Figures.Count(m.MostGrains.PoolActivations)} pool and "
                + $"{Figures.Count(m.MostGrains.PatientActivations)} patient grains at the peak{SmallerThanTarget(m.MostGrains)})"],
        ]);
        return [memory, scale];
    }

    /// <summary>The pools and patients the target is stated for.</summary>
    public const int TargetPools = 10_000, TargetPatients = 200_000;

    /// <summary>A pass below the target's size is not the target met: the report says so.</summary>
    private static string SmallerThanTarget(SiloMemorySample s) =>
        s.PoolActivations < TargetPools || s.PatientActivations < TargetPatients
            ? $", fewer than the target's {Figures.Count(TargetPools)} and {Figures.Count(TargetPatients)}"
            : "";

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
