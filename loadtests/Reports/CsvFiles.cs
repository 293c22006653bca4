using System.Text;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>
/// The run's raw figures as CSV, for spreadsheets and for <c>verify</c>, which re-checks a past
/// run from its acknowledgements.csv and pools.csv.
/// </summary>
public static class CsvFiles
{
    public const string Seconds = "seconds.csv";
    public const string Outcomes = "outcomes.csv";
    public const string Acknowledgements = "acknowledgements.csv";
    public const string Pools = "pools.csv";
    public const string Violations = "violations.csv";
    public const string Memory = "memory.csv";

    public static void WriteAll(string folder, RushResult r)
    {
        WriteSeconds(Path.Combine(folder, Seconds), r.Measurements.Seconds.Summarize());
        Write(Path.Combine(folder, Outcomes), ["kind", "status", "code", "count"],
            r.Measurements.Outcomes.Snapshot().Select(o => new[] { Figures.Kind(o.Kind), o.Outcome.Status.ToString(), o.Outcome.Code, o.Count.ToString() }));
        WriteAcknowledgements(Path.Combine(folder, Acknowledgements), r.Ledger);
        Write(Path.Combine(folder, Pools), ["pool_id", "date", "quota"], r.Pools.Select(p => new[] { p.PoolId, p.Date, p.Quota.ToString() }));
        Write(Path.Combine(folder, Violations), ["kind", "pool_id", "detail"],
            r.Verification.Violations.Select(v => new[] { v.Kind.ToString(), v.PoolId, v.Detail }));
        if (r.MemorySamples.Count > 0)
            Write(Path.Combine(folder, Memory), ["seconds_from_release", "working_set_bytes", "gc_heap_bytes", "gc_committed_bytes", "pool_grains", "patient_grains", "all_grains"],
                r.MemorySamples.Select(s => new[]
                {
                    (s.At - r.ReleaseAt).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), s.WorkingSetBytes.ToString(),
                    s.GcHeapBytes.ToString(), s.GcCommittedBytes.ToString(), s.PoolActivations.ToString(), s.PatientActivations.ToString(), s.Activations.ToString(),
                }));
    }

    public static void WriteSeconds(string path, IReadOnlyList<SecondSummary> seconds) =>
        Write(path, ["second", "completed", "reservations", "succeeded", "declined", "overloaded", "other_errors", "errors", "p50_ms", "p99_ms", "max_ms", "in_flight"],
            seconds.Select(s => new[]
            {
                s.Second.ToString(), s.Completed.ToString(), s.Reservations.ToString(), s.Succeeded.ToString(), s.Declined.ToString(),
                s.Overloaded.ToString(), s.OtherErrors.ToString(), s.Errors.ToString(),
                Figures.Ms(s.P50Micros), Figures.Ms(s.P99Micros), Figures.Ms(s.MaxMicros), s.InFlight.ToString(),
            }));

    public static void WriteAcknowledgements(string path, AcknowledgementLedger ledger) =>
        Write(path, ["idempotency_key", "reservation_id", "pool_id", "patient_id", "sequence_number", "cancellation"],
            ledger.Acknowledgements.Select(a => new[]
            {
                a.IdempotencyKey, a.ReservationId, a.PoolId, a.PatientId, a.SequenceNumber.ToString(),
                ledger.CancellationOf(a.ReservationId) switch { null => "none", false => "requested", true => "confirmed" },
            }));

    /// <summary>Rebuilds a ledger from a past run's acknowledgements.csv.</summary>
    public static AcknowledgementLedger ReadAcknowledgements(string path)
    {
        var ledger = new AcknowledgementLedger();
        foreach (var row in Read(path))
        {
            ledger.Acknowledge(new Acknowledgement(row[0], row[1], row[2], row[3], int.Parse(row[4])));
            if (row[5] is "requested" or "confirmed") ledger.CancellationRequested(row[1]);
            if (row[5] == "confirmed") ledger.CancellationConfirmed(row[1]);
        }
        return ledger;
    }

    /// <summary>Reads a past run's pools.csv.</summary>
    public static IReadOnlyList<ProvisionedPool> ReadPools(string path) =>
        Read(path).Select(r => new ProvisionedPool(r[0], "", r[1], int.Parse(r[2]))).ToList();

    private static void Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(',', header));
        foreach (var row in rows) writer.WriteLine(string.Join(',', row.Select(Quote)));
    }

    private static IEnumerable<string[]> Read(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(Split);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
