using System.Globalization;

namespace OrleansBooking.LoadTests.SiloMemory;

/// <summary>
/// What the silo's <c>/metrics</c> said about its memory at one instant: the process's working set,
/// the GC heap as the last collection left it (and what the GC had committed), and how many grains
/// of each type were active. The suite speaks HTTP only, so this is read from the service's own
/// OpenTelemetry meters (<c>System.Runtime</c> and <c>Microsoft.Orleans</c>), not from the process.
/// </summary>
public sealed record SiloMemorySample(
    DateTimeOffset At, long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes, IReadOnlyDictionary<string, long> ActivationsByGrainType)
{
    /// <summary>Orleans' grain type of a slot pool (the grain class name, less "Grain", in lower case).</summary>
    public const string PoolGrainType = "slotpool";
    /// <summary>Orleans' grain type of a patient.</summary>
    public const string PatientGrainType = "patient";

    public long PoolActivations => ActivationsOf(PoolGrainType);
    public long PatientActivations => ActivationsOf(PatientGrainType);
    public long Activations => ActivationsByGrainType.Values.Sum();

    public long ActivationsOf(string grainType) => ActivationsByGrainType.GetValueOrDefault(grainType);

    private const string WorkingSet = "dotnet_process_memory_working_set_bytes";
    private const string HeapAfterCollection = "dotnet_gc_last_collection_heap_size_bytes";
    private const string CommittedAfterCollection = "dotnet_gc_last_collection_memory_committed_size_bytes";
    private const string ActivationsGauge = "orleans_catalog_activations";

    /// <summary>
    /// Reads a Prometheus text exposition. The heap is summed over its generations (gen0 … poh);
    /// activations are kept per <c>grain_type</c>. Null when the text lacks the working set, i.e.
    /// the silo does not export the runtime's meter.
    /// </summary>
    public static SiloMemorySample? Parse(string exposition, DateTimeOffset at)
    {
        long? workingSet = null;
        long heap = 0, committed = 0;
        var activations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var raw in exposition.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#') continue;
            if (!TrySplit(line, out var name, out var labels, out var value)) continue;
            if (name.SequenceEqual(WorkingSet)) workingSet = value;
            else if (name.SequenceEqual(HeapAfterCollection)) heap += value;
            else if (name.SequenceEqual(CommittedAfterCollection)) committed = value;
            else if (name.SequenceEqual(ActivationsGauge) && Label(labels, "grain_type") is { } type)
                activations[type] = activations.GetValueOrDefault(type) + value;
        }
        return workingSet is { } ws ? new SiloMemorySample(at, ws, heap, committed, activations) : null;
    }

    /// <summary><c>name{labels} value [timestamp]</c>, or <c>name value</c>.</summary>
    private static bool TrySplit(ReadOnlySpan<char> line, out ReadOnlySpan<char> name, out ReadOnlySpan<char> labels, out long value)
    {
        value = 0;
        labels = default;
        int brace = line.IndexOf('{');
        int space = line.IndexOf(' ');
        ReadOnlySpan<char> rest;
        if (brace >= 0 && (space < 0 || brace < space))
        {
            int close = line.LastIndexOf('}');
            name = line[..brace];
            if (close < brace) return false;
            labels = line[(brace + 1)..close];
            rest = line[(close + 1)..].TrimStart();
        }
        else
        {
            if (space < 0) { name = line; return false; }
            name = line[..space];
            rest = line[(space + 1)..].TrimStart();
        }
        int end = rest.IndexOf(' ');
        var number = end < 0 ? rest : rest[..end];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed)) return false;
        value = (long)parsed;
        return true;
    }

    private static string? Label(ReadOnlySpan<char> labels, string key)
    {
        // Label values here are grain types and generations: no escaped quotes or commas inside them.
        foreach (var range in labels.Split(','))
        {
            var pair = labels[range];
            int eq = pair.IndexOf('=');
            if (eq < 0 || !pair[..eq].Trim().SequenceEqual(key)) continue;
            return pair[(eq + 1)..].Trim().Trim('"').ToString();
        }
        return null;
    }
}
