using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// The crowd's transport: a fixed set of keep-alive HTTP/1.1 connections to one service, each lent
/// to one request at a time; a request that finds them all busy waits for the next free one (the
/// generator's own queue, which the latency from intended start includes).
/// <para>
/// Why our own and not HttpClient: on the shared two cores HttpClient cost the generator about
/// 100 µs of CPU per request at the rush's peak, CPU the service was then short of; a request here is
/// a few buffer copies and two socket calls (docs/benchmarks.md compares both, and both beside wrk).
/// It speaks only what the service answers (Content-Length or chunked bodies, keep-alive, plain
/// HTTP); HttpClient stays for HTTP/2 and the in-process test servers.
/// </para>
/// </summary>
public sealed class RawHttpTransport : IServiceTransport
{
    private readonly Channel<RawHttpConnection> _idle = Channel.CreateUnbounded<RawHttpConnection>();
    private readonly List<RawHttpConnection> _all = [];
    private readonly string _basePath;
    private readonly byte[] _hostLine;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;

    /// <param name="baseAddress">An <c>http://</c> URL; a host name is resolved once, here.</param>
    /// <param name="connections">How many connections at most (opened as needed).</param>
    /// <param name="timeout">How long one exchange on a connection may take (waiting for a free connection not included).</param>
    /// <param name="clock">What times the exchange; the system clock unless a test drives it.</param>
    public RawHttpTransport(Uri baseAddress, int connections, TimeSpan timeout, TimeProvider? clock = null)
    {
        if (baseAddress.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"The raw transport speaks plain HTTP only, not {baseAddress.Scheme}; use --transport httpclient.", nameof(baseAddress));
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        BaseAddress = baseAddress;
        _basePath = baseAddress.AbsolutePath.EndsWith('/') ? baseAddress.AbsolutePath : baseAddress.AbsolutePath + "/";
        _hostLine = Encoding.ASCII.GetBytes($"Host: {baseAddress.Authority}\r\n");
        _timeout = timeout;
        _clock = clock ?? TimeProvider.System;
        var endPoint = EndPointOf(baseAddress);
        for (int i = 0; i < connections; i++)
        {
            var connection = new RawHttpConnection(endPoint);
            _all.Add(connection);
            _idle.Writer.TryWrite(connection);
        }
    }

    public Uri BaseAddress { get; }

    public async ValueTask<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken ct)
    {
        var (bytes, length) = RequestBytes.Write(request, _basePath, _hostLine);
        RawHttpConnection? connection = null;
        try
        {
            connection = await _idle.Reader.ReadAsync(ct).ConfigureAwait(false);
            var exchange = connection.StartTimeout(_timeout, _clock);
            using var stopped = ct.UnsafeRegister(static state => ((RawHttpConnection)state!).CancelExchange(), connection);
            try
            {
                return await connection.ExchangeAsync(bytes.AsMemory(0, length), exchange).ConfigureAwait(false);
            }
            catch (RawHttpConnection.StaleException)
            {
                // Closed by the server while idle, before this request was read: send it again on a new connection.
                connection.Close();
                return await connection.ExchangeAsync(bytes.AsMemory(0, length), exchange).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            connection?.Close();
            return ServiceResponse.Failed(RequestOutcome.Timeout);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
        {
            connection?.Close();
            return ServiceResponse.Failed(RequestOutcome.TransportError);
        }
        catch
        {
            connection?.Close();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            if (connection is not null)
            {
                connection.EndTimeout();
                _idle.Writer.TryWrite(connection);
            }
        }
    }

    private static EndPoint EndPointOf(Uri url)
    {
        if (IPAddress.TryParse(url.IdnHost, out var address)) return new IPEndPoint(address, url.Port);
        var resolved = Dns.GetHostAddresses(url.IdnHost);
        var chosen = resolved.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? resolved.FirstOrDefault()
                     ?? throw new ArgumentException($"{url.IdnHost} does not resolve.", nameof(url));
        return new IPEndPoint(chosen, url.Port);
    }

    public void Dispose()
    {
        _idle.Writer.TryComplete();
        foreach (var connection in _all) connection.Dispose();
    }
}
