using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MySqlConnector;

namespace OrleansBooking.Tests.Infrastructure;

/// <summary>
/// A private, throw-away MariaDB server for tests: its own data directory in the temp folder and its own
/// TCP port on 127.0.0.1, never the machine's system service. It can be stopped and started again on the
/// same data directory and port, so a test can simulate a database outage and the recovery from it.
/// </summary>
/// <remarks>
/// Durability is deliberately left at the server defaults (<c>innodb_flush_log_at_trx_commit=1</c>):
/// the tests check that what was acknowledged survives, so commits must really reach the disk.
/// </remarks>
public sealed partial class MariaDbServer : IAsyncDisposable, IDisposable
{
    /// <summary>How long a start (data directory creation, or server start) may take before it is declared failed.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a graceful shutdown may take before the server is killed.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private const string DirectoryPrefix = "orleansbooking-mariadb-";
    private const string SetupHint =
        "Run the tests with `bash scripts/test.sh`: it installs mariadb-server (apt-get) when it is missing.";

    private readonly string serverExecutable;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentQueue<string> recentOutput = new();
    private Process? process;
    private int unnamedDatabases;
    private long errorLogStart;
    private bool disposed;

    private MariaDbServer(string serverExecutable, string dataDirectory, int port)
    {
        this.serverExecutable = serverExecutable;
        DataDirectory = dataDirectory;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += KillOnProcessExit;
    }

    /// <summary>The server's data directory; deleted on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>The TCP port on 127.0.0.1; it stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>A connection string to the server itself, with no default database.</summary>
    public string ServerConnectionString => ConnectionStringFor(database: null);

    private string ErrorLogPath => Path.Combine(DataDirectory, "mariadbd.err");

    /// <summary>Creates a fresh data directory, starts a server on a free port, and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">MariaDB is not installed, or the server could not be started.</exception>
    public static async Task<MariaDbServer> StartNewAsync()
    {
        var (server, installDb) = FindExecutables();
        RemoveLeftoversOfDeadRuns();

        var dataDirectory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        // Lets a later run recognise this directory as a leftover if this process dies without disposing.
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "owner.pid"), Environment.ProcessId.ToString());

        var instance = new MariaDbServer(server, dataDirectory, PickPort());
        try
        {
            await instance.InstallDataDirectoryAsync(installDb);
            // Another process may take the port between choosing and binding it; choose again in that case.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await instance.StartAsync();
                    return instance;
                }
                catch (PortInUseException) when (attempt < 5)
                {
                    instance.Port = PickPort();
                }
            }
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the server on the existing data directory and port and waits until it accepts connections.
    /// Does nothing if it is already running.
    /// </summary>
    public async Task StartAsync()
    {
        await gate.WaitAsync();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (IsRunning)
            {
                return;
            }

            await KillCoreAsync(); // releases a server that exited on its own

            // Left behind by a kill; a live server would never let us get here.
            File.Delete(Path.Combine(DataDirectory, "sock"));
            File.Delete(Path.Combine(DataDirectory, "pid"));

            errorLogStart = File.Exists(ErrorLogPath) ? new FileInfo(ErrorLogPath).Length : 0;
            recentOutput.Clear();
            var started = StartServerProcess();
            process = started;
            try
            {
                await WaitUntilAcceptingConnectionsAsync(started);
            }
            catch
            {
                await KillCoreAsync();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Shuts the server down gracefully (as an administrator would) and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!IsRunning)
            {
                return;
            }

            try
            {
                await using var connection = new MySqlConnection(AdminConnectionString());
                await connection.OpenAsync();
                await using var shutdown = new MySqlCommand("SHUTDOWN", connection);
                await shutdown.ExecuteNonQueryAsync();
            }
            catch (MySqlException)
            {
                // The server may drop our own connection while it shuts down; the wait below is what counts.
            }

            using var timeout = new CancellationTokenSource(ShutdownTimeout);
            try
            {
                await process!.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Took too long: fall through to the kill below.
            }

            await KillCoreAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Kills the server abruptly, as a crash or a lost machine would: open connections break mid-statement and
    /// uncommitted transactions are lost. The next <see cref="StartAsync"/> runs InnoDB crash recovery.
    /// </summary>
    public async Task KillAsync()
    {
        await gate.WaitAsync();
        try
        {
            await KillCoreAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Creates an empty database (utf8mb4) and returns a connection string to it.</summary>
    /// <param name="name">Letters, digits and underscores; must not exist yet, so tests never share a database by accident.</param>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Database name '{name}' is not allowed: use 1 to 64 letters, digits or underscores.", nameof(name));
        }

        await using var connection = new MySqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var create = new MySqlCommand(
            $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
        try
        {
            await create.ExecuteNonQueryAsync();
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DatabaseCreateExists)
        {
            throw new InvalidOperationException(
                $"Database '{name}' already exists on the test server; give each test its own database name.", e);
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Creates an empty database with a name unique on this server and returns a connection string to it.</summary>
    public Task<string> CreateDatabaseAsync() =>
        CreateDatabaseAsync($"test_{Interlocked.Increment(ref unnamedDatabases)}");

    /// <summary>A connection string for <paramref name="database"/> on this server, as the application would use it.</summary>
    public string ConnectionStringFor(string? database) =>
        new MySqlConnectionStringBuilder
        {
            Server = IPAddress.Loopback.ToString(),
            Port = (uint)Port,
            UserID = "root",
            Password = "",
            Database = database ?? "",
            // The private server is started without TLS; asking for it only slows every connect.
            SslMode = MySqlSslMode.None,
        }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            AppDomain.CurrentDomain.ProcessExit -= KillOnProcessExit;
            await KillCoreAsync();
            DeleteDirectory(DataDirectory);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task InstallDataDirectoryAsync(string installDb)
    {
        var arguments = new List<string>
        {
            "--no-defaults", // must come first: the machine's my.cnf must not leak into the private server
            $"--datadir={DataDirectory}",
            "--auth-root-authentication-method=normal", // root@127.0.0.1 with an empty password
            "--skip-test-db",
            "--skip-name-resolve", // grants by IP address, no host name lookup
        };
        if (Environment.IsPrivilegedProcess)
        {
            arguments.Add("--user=root");
        }

        var start = new ProcessStartInfo(installDb)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ForEach(start.ArgumentList.Add);

        using var install = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {installDb}. {SetupHint}");
        var output = install.StandardOutput.ReadToEndAsync();
        var errors = install.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await install.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            install.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{installDb} did not finish within {StartTimeout.TotalSeconds:0} s.");
        }

        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{installDb} failed with exit code {install.ExitCode} for {DataDirectory}:\n" +
                $"{await output}\n{await errors}\n{SetupHint}");
        }
    }

    private Process StartServerProcess()
    {
        var arguments = new List<string>
        {
            "--no-defaults",
            $"--datadir={DataDirectory}",
            $"--socket={Path.Combine(DataDirectory, "sock")}",
            $"--port={Port}",
            "--bind-address=127.0.0.1",
            $"--pid-file={Path.Combine(DataDirectory, "pid")}",
            $"--log-error={ErrorLogPath}",
            "--skip-name-resolve",
            // Stress tests and two hosts on one database open many connections; the default is 151.
            "--max-connections=500",
            "--innodb-buffer-pool-size=128M",
            // What Debian's packaged configuration sets; --no-defaults would otherwise leave latin1.
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci",
            "--innodb-flush-log-at-trx-commit=1", // the default, stated: acknowledged commits are on disk
        };
        if (Environment.IsPrivilegedProcess)
        {
            arguments.Add("--user=root"); // mariadbd refuses to run as root without it
        }

        var start = new ProcessStartInfo(serverExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ForEach(start.ArgumentList.Add);

        var started = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {serverExecutable}. {SetupHint}");
        // Drained so that a full pipe can never block the server; the tail goes into error messages.
        started.OutputDataReceived += (_, e) => Remember(e.Data);
        started.ErrorDataReceived += (_, e) => Remember(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private async Task WaitUntilAcceptingConnectionsAsync(Process started)
    {
        var clock = Stopwatch.StartNew();
        Exception? lastError = null;
        while (clock.Elapsed < StartTimeout)
        {
            if (started.HasExited)
            {
                await started.WaitForExitAsync(); // flushes the redirected output
                var log = DiagnosticTail();
                if (log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new PortInUseException(Port);
                }

                throw new InvalidOperationException(
                    $"mariadbd exited with code {started.ExitCode} before accepting connections on port {Port}.\n" +
                    $"{log}\n{SetupHint}");
            }

            try
            {
                await using var connection = new MySqlConnection(AdminConnectionString());
                await connection.OpenAsync();
                await using var ping = new MySqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync();
                return;
            }
            catch (Exception e) when (e is MySqlException or SocketException or IOException or TimeoutException)
            {
                lastError = e;
            }

            // Either the server exits (a failed start, noticed at once) or we look again shortly.
            await Task.WhenAny(started.WaitForExitAsync(), Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        throw new InvalidOperationException(
            $"mariadbd did not accept connections on port {Port} within {StartTimeout.TotalSeconds:0} s " +
            $"(last error: {lastError?.Message}).\n{DiagnosticTail()}");
    }

    private async Task KillCoreAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    // Not pooled: a pooled administrative connection would outlive a stop and fail on the next use.
    private string AdminConnectionString() =>
        new MySqlConnectionStringBuilder(ServerConnectionString) { Pooling = false, ConnectionTimeout = 5 }.ConnectionString;

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        recentOutput.Enqueue(line);
        while (recentOutput.Count > 40)
        {
            recentOutput.TryDequeue(out _);
        }
    }

    private string DiagnosticTail()
    {
        // Only what this start wrote: the log is appended to across restarts.
        var log = "(no error log was written)";
        if (File.Exists(ErrorLogPath))
        {
            using var reader = new StreamReader(ErrorLogPath);
            reader.BaseStream.Seek(Math.Min(errorLogStart, reader.BaseStream.Length), SeekOrigin.Begin);
            log = string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(40));
        }

        var output = string.Join('\n', recentOutput);
        return $"--- {ErrorLogPath} (last lines) ---\n{log}" +
               (output.Length > 0 ? $"\n--- mariadbd output ---\n{output}" : "");
    }

    private void KillOnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            process?.Kill();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone; nothing is left to clean up.
        }
    }

    private static (string Server, string InstallDb) FindExecutables()
    {
        // The servers live in sbin, which is not on an ordinary user's PATH.
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"])
            .Distinct()
            .ToList();

        string? Find(params string[] names) =>
            names.SelectMany(name => directories.Select(directory => Path.Combine(directory, name)))
                .FirstOrDefault(IsExecutable);

        var server = Find("mariadbd", "mysqld")
            ?? throw new InvalidOperationException(
                $"The MariaDB tests need a MariaDB server, but neither mariadbd nor mysqld was found " +
                $"(searched PATH, /usr/sbin, /usr/local/sbin). {SetupHint}");
        var installDb = Find("mariadb-install-db", "mysql_install_db")
            ?? throw new InvalidOperationException(
                $"Found {server}, but not mariadb-install-db, which creates the private test server's data " +
                $"directory; only MariaDB's server is supported. {SetupHint}");
        return (server, installDb);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) &&
        (OperatingSystem.IsWindows() ||
         (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    /// <summary>
    /// Picks a free port below the kernel's ephemeral range, so that while the server is stopped for an outage
    /// test no outgoing connection can be handed the same port and make the restart fail.
    /// </summary>
    private static int PickPort()
    {
        const int lowest = 10_000;
        var ephemeralStart = 32_768;
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            ephemeralStart = int.Parse(range[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or an unusual kernel: keep the common default.
        }

        for (var attempt = 0; attempt < 100 && ephemeralStart - lowest > 1_000; attempt++)
        {
            var port = Random.Shared.Next(lowest, ephemeralStart);
            if (IsFree(port))
            {
                return port;
            }
        }

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var any = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return any;
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes servers and data directories left by test processes that died without disposing (a killed test
    /// host, a debugger stopped mid-run). A directory whose owner is still alive belongs to a concurrent run.
    /// </summary>
    private static void RemoveLeftoversOfDeadRuns()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            try
            {
                if (!int.TryParse(File.ReadAllText(Path.Combine(directory, "owner.pid")), out var owner) ||
                    IsAlive(owner))
                {
                    continue;
                }

                if (int.TryParse(File.ReadAllText(Path.Combine(directory, "pid")).Trim(), out var serverPid) &&
                    IsAlive(serverPid) &&
                    // Only a server started on this very directory; the pid may have been reused since.
                    File.ReadAllText($"/proc/{serverPid}/cmdline").Contains(directory, StringComparison.Ordinal))
                {
                    using var leftover = Process.GetProcessById(serverPid);
                    leftover.Kill();
                    leftover.WaitForExit(ShutdownTimeout);
                }

                DeleteDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                // Not ours to judge or already gone; a leftover never stops a new run.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var found = Process.GetProcessById(pid);
            return !found.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteDirectory(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // A file the server had open may still be closing.
                Thread.Sleep(100 * attempt);
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,64}\z")]
    private static partial Regex DatabaseName();

    private sealed class PortInUseException(int port)
        : InvalidOperationException($"Port {port} was taken by another process before mariadbd could bind it.");
}
