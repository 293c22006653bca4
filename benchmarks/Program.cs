using OrleansBooking.Benchmarks;

if (args is ["token-cache", .. var rest]) return TokenCacheMemory.Run(rest, Console.Out);
if (args is ["patient-state", .. var patientArgs]) return PatientStateMemory.Run(patientArgs, Console.Out);
if (args is ["metric-streams", .. var metricArgs]) return MetricStreamMemory.Run(metricArgs, Console.Out);

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

Console.WriteLine($"# One hot pool: {options.Reservations} reservations, {options.Concurrency} callers in flight, median of {options.Runs} runs{(options.WarmUp ? " after a warm-up run" : "")}");
Console.WriteLine($"# {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, .NET {Environment.Version}");
var rows = await SideBySide.RunAsync(options, Console.Out);
Console.WriteLine();
Console.WriteLine(SideBySide.ToMarkdown(rows));
return 0;
