using System.Diagnostics;
using System.Runtime.InteropServices;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests.Hosting;

/// <summary>
/// A silo process this suite started, so a benchmark can run without anyone starting the
/// service by hand. Accepts the silo project (folder or .csproj, run in Release) or a built
/// .dll; passes <c>--urls</c> and configuration as command-line switches; stops it on dispose.
/// </summary>
public sealed class LocalSilo : IAsyncDisposable
{
    /// <summary>Default wait for <c>/health/ready</c>; generous because <c>dotnet run</c> may build first.</summary>
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly SiloLog _log;

    private LocalSilo(Process process, SiloLog log, Uri url)
    {
        _process = process;
        _log = log;
        Url = url;
    }

    public Uri Url { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Kills the process at once (SIGKILL), as a crash or a lost machine would: nothing drains, nothing says goodbye.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Asks the process to stop (SIGTERM, as an orchestrator does) and waits until it has exited.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        if (Kill(_process.Id, Sigterm) != 0) throw new InvalidOperationException($"SIGTERM to {_process.Id} failed (errno {Marshal.GetLastPInvokeError()}).");
        await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <param name="silo">A silo project folder, a .csproj, or a built .dll.</param>
    /// <param name="configuration">Switches such as <c>--Storage:Provider=sqlite</c>, passed as given.</param>
    /// <param name="secrets">Environment variables for what must not show on a command line, e.g. the first admin's password.</param>
    /// <param name="logPath">Where the silo's console output goes.</param>
    public static async Task<LocalSilo> StartAsync(
        string silo, Uri url, IEnumerable<string> configuration, IReadOnlyDictionary<string, string> secrets, string logPath,
        TimeSpan readyTimeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (silo.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            // Run from its own folder, as it is deployed: the content root is the working directory, and
            // without it the silo would miss its appsettings.json and wwwroot and be measured misconfigured.
            var dll = Path.GetFullPath(silo);
            start.WorkingDirectory = Path.GetDirectoryName(dll)!;
            start.ArgumentList.Add(dll);
        }
        else
        {
            foreach (var a in new[] { "run", "--project", silo, "-c", "Release", "--no-launch-profile", "--" }) start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add($"--urls={url.GetLeftPart(UriPartial.Authority)}");
        foreach (var setting in configuration) start.ArgumentList.Add(setting);
        // Quiet logging: a console logger at Information would cost the silo more than the rush itself.
        // Apart from this and what the caller passes (LoadTestSiloSettings: sign-in cost, rate limit per address,
        // first admin), the silo's configuration is left alone, so it is measured as it ships.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in secrets) start.Environment[name] = value;
        // The generator's own socket switch is not the silo's: it runs as it ships.
        if (InlineSocketCompletions.SetHere) start.Environment.Remove(InlineSocketCompletions.Variable);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new SiloLog(logPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.OutputDataReceived += (_, e) => log.Append(e.Data);
        process.ErrorDataReceived += (_, e) => log.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new LocalSilo(process, log, url);
        try
        {
            await host.WaitUntilReadyAsync(readyTimeout, logPath, ct).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, string logPath, CancellationToken ct)
    {
        using var http = TunedHttpClient.Create(Url, maxConnections: 2, requestTimeout: TimeSpan.FromSeconds(2));
        var client = new BookingServiceClient(http);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was ready; see {logPath}.");
            if ((await client.ProbeAsync("health/ready", ct).ConfigureAwait(false)).IsSuccess) return;
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
        }
        throw new TimeoutException($"The silo was not ready at {Url} within {timeout.TotalSeconds:0} s; see {logPath}.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone, or refusing to die: nothing more a load test can do about it.
        }
        _process.Dispose();
        _log.Close();
    }

    /// <summary>The silo's output file; lines arriving after it closed are dropped, not thrown.</summary>
    private sealed class SiloLog(string path)
    {
        private readonly StreamWriter _writer = new(path) { AutoFlush = true };
        private bool _closed;

        public void Append(string? line)
        {
            if (line is null) return;
            lock (_writer) if (!_closed) _writer.WriteLine(line);
        }

        public void Close()
        {
            lock (_writer)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
