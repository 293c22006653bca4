using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansBooking.Tests.LoadTests.Transport;

/// <summary>
/// A loopback TCP server that answers with exactly the bytes a test scripts, so the raw transport
/// meets framings, splits and closings a real server produces only by chance. Each accepted
/// connection runs the script with its index (0 for the first).
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];
    private int _accepted;

    public ScriptedHttpServer(Func<Stream, int, Task> script)
    {
        _listener.Start();
        _accepting = AcceptAsync(script);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Accepted => Volatile.Read(ref _accepted);

    private async Task AcceptAsync(Func<Stream, int, Task> script)
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                int index = Interlocked.Increment(ref _accepted) - 1;
                lock (_connections) _connections.Add(ServeAsync(socket, index, script));
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Stopped: a pending accept ends cancelled, or one begun after Stop finds the listener closed.
        }
    }

    private static async Task ServeAsync(Socket socket, int index, Func<Stream, int, Task> script)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            await script(stream, index);
        }
        catch (IOException)
        {
            // The client went away first; the test's assertions are on the client side.
        }
    }

    /// <summary>Reads one request: head and, when it has a Content-Length, the body.</summary>
    public static async Task<string> ReadRequestAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(bytes))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("The client closed before a whole request.");
            bytes.Add(one[0]);
        }
        string head = Encoding.ASCII.GetString(bytes.ToArray());
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        int length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim());
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return head + Encoding.UTF8.GetString(body);
    }

    public static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        Task[] running;
        lock (_connections) running = [.. _connections];
        await Task.WhenAll(running);
        _stop.Dispose();
    }
}
