using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.SiloMemory;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>The tables that describe a rush, shared by the console and Markdown reports.</summary>
public static class RushSummary
{
    public static IReadOnlyList<ReportTable> Tables(RushResult r)
    {
        var m = r.Measurements;
        var a = m.Arrivals;
        var tables = new List<ReportTable>
        {
            new("Run", ["item", "value"],
            [
                ["run", r.RunId],
                ["target", r.Target.ToString()],
                ["load", r.Scenario.Load.Describe()],
                ["expected", $"≈{Figures.Count((long)r.Scenario.AttemptsWhenSoldOut)} reservation attempts if sold out, peak ≈{Figures.Rate(r.Scenario.PeakRequestRateWhenSoldOut)} requests/s"],
                ["pools / numbers / patients", $"{r.Pools.Count} / {Figures.Count(r.Scenario.Numbers)} / {Figures.Count(r.Scenario.Patients)}"],
                ["release at", r.ReleaseAt.ToString("u")],
                ["patient sign-in (before the release, not measured)", SignIn(r)],
                ["warm-up (not measured)", $"pool pages browsed for up to {r.Scenario.Load.Warmup.TotalSeconds:0.#} s before the release"],
                ["elapsed", $"{r.Session.Elapsed.TotalSeconds:0.0} s"],
                ["requests", Figures.Count(m.TotalRequests)],
                ["throughput", $"{Figures.Rate(r.RequestsPerSecond)} requests/s"],
                ["error rate", Figures.Share(m.ErrorRate)],
            ]),
            new("Arrivals (late and dropped ones are the generator's shortfall, not the service's)", ["arrivals", "count"],
            [
                ["scheduled", Figures.Count(a.Scheduled)],
                ["sent", Figures.Count(a.Dispatched)],
                [$"late (> {r.Scenario.Load.LateAfter.TotalMilliseconds:0} ms behind)", Figures.Count(a.Late)],
                ["dropped (too many in flight)", Figures.Count(a.Dropped)],
                ["worst lag", $"{a.MaxLag.TotalMilliseconds:0.0} ms"],
                ["cancelled at the drain deadline (or when stopped)", Figures.Count(r.Session.Cancelled)],
                ["requests they had sent, outcome unknown (neither errors nor acknowledged)", CutOff(m)],
            ]),
            LatencyTable(m, r.MainKind),
            new("Responses by kind, status and code", ["kind", "outcome", "count"],
                m.Outcomes.Snapshot().Select(o => new[] { Figures.Kind(o.Kind), o.Outcome.ToString(), Figures.Count(o.Count) }).ToList()),
            new("How visits ended", ["end", "count"],
                m.Journeys.Snapshot().Select(j => new[] { j.End.ToString(), Figures.Count(j.Count) }).ToList()),
            VerificationTable(r),
        };
        if (r.VariantSummary is { } variant) tables.Insert(tables.Count - 1, variant);
        if (r.Memory is { } memory) tables.InsertRange(tables.Count - 1, MemoryTables.Of(memory, r.ReleaseAt, r.RequestsPerSecond, r.Provisioning));
        return tables;
    }

    /// <summary>E.g. <c>3 (reserve 2, cancel 1)</c>: the kinds cut off, so a reader sees whether reservations were among them.</summary>
    private static string CutOff(RunMeasurements m)
    {
        var kinds = Enum.GetValues<RequestKind>().Where(k => m.CutOff.Count(k) > 0).Select(k => $"{Figures.Kind(k)} {Figures.Count(m.CutOff.Count(k))}").ToList();
        return kinds.Count == 0 ? "0" : $"{Figures.Count(m.CutOff.Total)} ({string.Join(", ", kinds)})";
    }

    private static string SignIn(RushResult r) => r.PatientSignIn is { Patients: > 0 } s
        ? $"{Figures.Count(s.Patients)} patients in {s.Elapsed.TotalSeconds:0.0} s ({Figures.Rate(s.PerSecond)}/s), {Figures.Count(s.Retries)} retried"
        : "none: the service has no patient accounts";

    /// <summary>
    /// Every kind measured, and the <paramref name="main"/> kind once more for the requests meant to
    /// start in the first seconds (the release's own tail, which the whole run's p99 dilutes).
    /// </summary>
    public static ReportTable LatencyTable(RunMeasurements m, RequestKind main)
    {
        var rows = Enum.GetValues<RequestKind>()
            .Where(k => m.Latency(k).TotalCount > 0)
            .Select(k => LatencyRow(Figures.Kind(k), m.Latency(k)))
            .ToList();
        var firstSeconds = m.LatencyInFirstSeconds(main);
        if (firstSeconds.TotalCount > 0)
            rows.Insert(rows.FindIndex(r => r[0] == Figures.Kind(main)) + 1,
                LatencyRow($"{Figures.Kind(main)}, first {RunMeasurements.FirstSecondsWindow.TotalSeconds:0} s", firstSeconds));
        return new ReportTable("Latency from intended start, ms (HdrHistogram, 3 significant digits)",
            ["kind", "count", "p50", "p90", "p99", "p99.9", "max", "mean"], rows);
    }

    private static string[] LatencyRow(string name, LatencyHistogram h) =>
        new[] { name, Figures.Count(h.TotalCount) }.Concat(Figures.LatencyCells(h)).Append(Figures.Ms((long)h.Mean)).ToArray();

    private static ReportTable VerificationTable(RushResult r)
    {
        var v = r.Verification;
        List<string[]> rows =
        [
            ["pools checked", Figures.Count(v.PoolsChecked)],
            ["active reservations", Figures.Count(v.ActiveReservations)],
            ["acknowledged (2xx seen)", Figures.Count(v.Acknowledgements)],
            ["violations", Figures.Count(v.Violations.Count)],
        ];
        rows.AddRange(v.Violations.Take(50).Select(x => new[] { x.Kind.ToString(), $"{x.PoolId}: {x.Detail}" }));
        if (v.Violations.Count > 50) rows.Add(["…", $"{v.Violations.Count - 50} more in violations.csv"]);
        return new ReportTable("Verification (read back through the service's API)", ["check", "result"], rows);
    }
}
