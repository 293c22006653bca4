using OrleansBooking.LoadTests.SiloMemory;

namespace OrleansBooking.Tests.LoadTests;

public class SiloMemoryTests
{
    private static readonly DateTimeOffset Release = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private const string Exposition = """
        # TYPE dotnet_process_memory_working_set_bytes gauge
        # UNIT dotnet_process_memory_working_set_bytes bytes
        dotnet_process_memory_working_set_bytes{otel_scope_name="System.Runtime"} 255496192
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 1000
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 7000
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="loh"} 2000 1733130000000
        dotnet_gc_last_collection_memory_committed_size_bytes{otel_scope_name="System.Runtime"} 8.4205568e7
        dotnet_gc_last_collection_heap_fragmentation_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 959448
        orleans_catalog_activations{otel_scope_name="Microsoft.Orleans",grain_type="slotpool"} 10000
        orleans_catalog_activations{otel_scope_name="Microsoft.Orleans",grain_type="patient"} 199873
        orleans_catalog_activations{otel_scope_name="Microsoft.Orleans",grain_type="sys.svc.catalog"} 1
        orleans_catalog_activation_working_set{otel_scope_name="Microsoft.Orleans",grain_type="patient"} 5
        process_uptime 12
        """;

    [Fact]
    public void TheExpositionGivesWorkingSetHeapOverAllGenerationsCommittedAndGrainsByType()
    {
        var sample = SiloMemorySample.Parse(Exposition, Release)!;

        Assert.Equal(255_496_192, sample.WorkingSetBytes);
        Assert.Equal(10_000, sample.GcHeapBytes); // gen0 + gen2 + loh; fragmentation is not heap in use
        Assert.Equal(84_205_568, sample.GcCommittedBytes);
        Assert.Equal(10_000, sample.PoolActivations);
        Assert.Equal(199_873, sample.PatientActivations);
        Assert.Equal(209_874, sample.Activations);
        Assert.Equal(Release, sample.At);
    }

    [Fact]
    public void ASiloWithoutTheRuntimeMeterGivesNoSample()
    {
        Assert.Null(SiloMemorySample.Parse("""orleans_catalog_activations{grain_type="patient"} 3""", Release));
    }

    private static SiloMemorySample At(double seconds, long workingSetMb, long pools, long patients) => new(
        Release.AddSeconds(seconds), workingSetMb << 20, workingSetMb << 19, workingSetMb << 19,
        new Dictionary<string, long> { [SiloMemorySample.PoolGrainType] = pools, [SiloMemorySample.PatientGrainType] = patients });

    [Fact]
    public void TheReadingNamesEachInstantAndTheTimesToActivateAndToCollect()
    {
        var crowdEnd = Release.AddSeconds(90);
        SiloMemorySample[] samples =
        [
            At(-10, 300, 10_000, 0),
            At(-1, 320, 10_000, 0),
            At(1, 400, 10_000, 60_000),
            At(5, 700, 10_000, 150_000),
            At(20, 900, 10_000, 190_000),
            At(40, 850, 10_000, 200_000),
            At(91, 820, 10_000, 200_000),
            At(200, 950, 10_000, 1_500),
            At(230, 950, 0, 0),
        ];

        var m = MemoryReading.From(samples, Release, crowdEnd)!;

        Assert.Same(samples[1], m.BeforeRelease);
        Assert.Same(samples[5], m.MostGrains);
        Assert.Same(samples[4], m.LargestDuringCrowd); // the 950 MB after the crowd is not the crowd's
        Assert.Same(samples[6], m.CrowdEnd);
        Assert.Same(samples[8], m.AfterIdle);
        Assert.Equal(10_000, m.PeakPoolActivations);
        Assert.Equal(200_000, m.PeakPatientActivations);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)], m.PatientsActiveAfter);
        Assert.Equal(TimeSpan.FromSeconds(110), m.IdleCollectedAfter); // 1,500 ≤ 1 % of 200,000 at t = 200 s
        Assert.True(m.WithinDuringCrowd(MemoryTables.TargetBytes));
        Assert.False(m.WithinDuringCrowd(900L << 20));
    }

    [Fact]
    public void GrainsNeverCollectedAndNoSampleAfterTheReleaseAreSaidSo()
    {
        var crowdEnd = Release.AddSeconds(60);
        var kept = MemoryReading.From([At(-1, 300, 10, 0), At(10, 400, 10, 50), At(70, 400, 10, 50)], Release, crowdEnd)!;

        Assert.Null(kept.IdleCollectedAfter);
        Assert.Null(kept.AfterIdle); // one sample after the crowd is its end, not an idle wait
        Assert.Null(MemoryReading.From([At(-1, 300, 10, 0)], Release, crowdEnd));
    }

    [Fact]
    public void TheScaleTableJudgesTheTargetAndSaysWhenTheRunWasSmallerThanIt()
    {
        var small = MemoryReading.From([At(1, 1_100, 1_000, 20_000), At(70, 1_100, 1_000, 20_000)], Release, Release.AddSeconds(60))!;

        var tables = MemoryTables.Of(small, Release, 12_345, provisioning: null);

        var verdict = tables[1].Rows.Single(r => r[0].StartsWith("target", StringComparison.Ordinal))[1];
        Assert.StartsWith("FAIL (1,100 MB at most", verdict);
        Assert.Contains("fewer than the target's 10,000 and 200,000", verdict);
        Assert.Contains(tables[1].Rows, r => r[0] == "throughput" && r[1] == "12,345 requests/s");
        Assert.Equal(["most grains active (the peak)", "largest working set during the crowd", "crowd drained"], tables[0].Rows.Select(r => r[0]));
    }
}
