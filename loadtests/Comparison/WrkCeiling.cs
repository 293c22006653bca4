using System.Diagnostics;
using System.Globalization;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>One wrk run: what it printed, read back, and the CPU it used.</summary>
/// <param name="Text">What wrk printed, kept beside the report (wrk.txt).</param>
/// <param name="Cpu">wrk's user + system time, sampled every <see cref="WrkCeiling.CpuSampleInterval"/> while it ran.</param>
public sealed record WrkRun(string CommandLine, string Text, WrkOutput Output, TimeSpan Cpu)
{
    public double CpuSecondsPerThousandRequests => Output.Requests == 0 ? 0 : Cpu.TotalSeconds / Output.Requests * 1000;
}

/// <summary>
/// The HTTP ceiling as <c>wrk</c> measures it (closed loop, 2 threads, 256 connections, the
/// issue's reference figures), run against the same silo in turn with our own ceiling leg, so
/// compare can say how much of the host's ceiling our generator reaches (issue 11: at least 80 %).
/// </summary>
public static class WrkCeiling
{
    public const int Threads = 2;
    public const int Connections = 256;
    public const string Program = "wrk";

    /// <summary>wrk's last ≤ 50 ms of CPU go unseen: a fraction of a percent of a run of seconds.</summary>
    public static readonly TimeSpan CpuSampleInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The first <c>wrk</c> on PATH; null when there is none.</summary>
    public static string? FindOnPath(string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, Program))
            .FirstOrDefault(File.Exists);
    }

    /// <exception cref="InvalidOperationException">wrk failed or printed what <see cref="WrkOutput"/> cannot read.</exception>
    public static async Task<WrkRun> RunAsync(string wrk, Uri url, TimeSpan duration, int round, TextWriter? progress, CancellationToken ct)
    {
        // wrk takes whole seconds.
        int seconds = Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds));
        var start = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args = [$"-t{Threads}", $"-c{Connections}", string.Create(CultureInfo.InvariantCulture, $"-d{seconds}s"), "--latency", url.ToString()];
        foreach (var a in args) start.ArgumentList.Add(a);
        string commandLine = $"{Program} {string.Join(' ', args)}";
        progress?.WriteLine($"Leg 'ceiling (wrk), round {round}': {commandLine}");

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {wrk}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var cpu = TimeSpan.Zero;
        var exited = process.WaitForExitAsync(ct);
        try
        {
            while (!exited.IsCompleted)
            {
                if (ProcessCpuSample.Read(process.Id) is { } now) cpu = now;
                await Task.WhenAny(exited, Task.Delay(CpuSampleInterval, ct)).ConfigureAwait(false);
            }
            await exited.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited) process.Kill();
            throw;
        }
        string text = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{commandLine} exited with {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
        try
        {
            return new WrkRun(commandLine, text, WrkOutput.Parse(text), cpu);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{commandLine}: {e.Message}\n{text}", e);
        }
    }
}

/// <summary>The wrk side of compare's ceiling: a run, or why there is none (wrk not installed, wrk failed).</summary>
public sealed record WrkCeilingResult(WrkRun? Run, string? Missing)
{
    public static WrkCeilingResult Absent(string why) => new(null, why);
}
