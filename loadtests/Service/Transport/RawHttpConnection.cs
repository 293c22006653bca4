using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;

namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// One keep-alive HTTP/1.1 connection, one request at a time (no pipelining: a patient's app waits
/// for its answer, and a closed loop per connection is what wrk measures too). It connects on first
/// use and again after any fault; reading the answer copies its body once, into a rented buffer.
/// Not thread-safe: <see cref="RawHttpTransport"/> lends each connection to one request at a time.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly EndPoint _endPoint;
    private Socket? _socket;
    private byte[] _buffer = new byte[4096];
    private int _start, _end;
    private bool _answeredBefore;
    private CancellationTokenSource? _timeout;

    public RawHttpConnection(EndPoint endPoint) => _endPoint = endPoint;

    /// <summary>
    /// Thrown when a connection that had answered before is found closed before any byte of the
    /// answer arrived: the server closed it while idle, and the request may be sent again on a new one.
    /// </summary>
    public sealed class StaleException() : IOException("The server had closed the idle connection.");

    public async ValueTask<ServiceResponse> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken ct)
    {
        if (_socket is null)
        {
            var socket = new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(_endPoint, ct).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            _socket = socket;
            _start = _end = 0;
            _answeredBefore = false;
        }
        while (!request.IsEmpty)
            request = request[await _socket.SendAsync(request, SocketFlags.None, ct).ConfigureAwait(false)..];

        ResponseHead head;
        int headLength;
        while (!ResponseHead.TryParse(_buffer.AsSpan(_start, _end - _start), out head, out headLength))
        {
            if (_end - _start >= MaxHeadBytes) throw new InvalidDataException("A response head longer than 64 KiB.");
            await ReceiveAsync(ct, firstByte: _end == _start).ConfigureAwait(false);
        }
        _start += headLength;

        var response = head.HasNoBody ? new ServiceResponse(head.Status, head.RetryAfter, null, 0)
            : head.Chunked ? await ReadChunkedAsync(head, ct).ConfigureAwait(false)
            : head.ContentLength >= 0 ? await ReadSizedAsync(head, ct).ConfigureAwait(false)
            : throw new InvalidDataException("A response body framed by closing the connection; the service never sends one.");
        _answeredBefore = true;
        if (head.ConnectionClose) Close();
        return response;
    }

    private async ValueTask<ServiceResponse> ReadSizedAsync(ResponseHead head, CancellationToken ct)
    {
        int length = checked((int)head.ContentLength);
        var body = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            int have = Math.Min(length, _end - _start);
            _buffer.AsSpan(_start, have).CopyTo(body);
            _start += have;
            while (have < length)
            {
                int read = await _socket!.ReceiveAsync(body.AsMemory(have, length - have), SocketFlags.None, ct).ConfigureAwait(false);
                if (read == 0) throw new IOException("The connection closed in the middle of a response body.");
                have += read;
            }
            return new ServiceResponse(head.Status, head.RetryAfter, body, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(body);
            throw;
        }
    }

    /// <summary>Chunked framing (RFC 9112 §7.1): hex size, CRLF, data, CRLF …, a zero chunk, trailers, CRLF.</summary>
    private async ValueTask<ServiceResponse> ReadChunkedAsync(ResponseHead head, CancellationToken ct)
    {
        var body = ArrayPool<byte>.Shared.Rent(1024);
        int length = 0;
        try
        {
            while (true)
            {
                var line = await ReadLineAsync(ct).ConfigureAwait(false);
                int semicolon = line.Span.IndexOf((byte)';');
                var sizeText = semicolon < 0 ? line.Span : line.Span[..semicolon];
                if (!Utf8Parser.TryParse(sizeText.Trim((byte)' '), out int size, out int used, 'x') || used != sizeText.Trim((byte)' ').Length || size < 0)
                    throw new InvalidDataException("A chunk size that is not hexadecimal.");
                if (size == 0)
                {
                    while ((await ReadLineAsync(ct).ConfigureAwait(false)).Length > 0) { /* trailers: not used */ }
                    return new ServiceResponse(head.Status, head.RetryAfter, body, length);
                }
                if (length + size > body.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length * 2, length + size));
                    body.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(body);
                    body = larger;
                }
                while (_end - _start < size + 2) await ReceiveAsync(ct, firstByte: false).ConfigureAwait(false);
                _buffer.AsSpan(_start, size).CopyTo(body.AsSpan(length));
                length += size;
                if (_buffer[_start + size] != (byte)'\r' || _buffer[_start + size + 1] != (byte)'\n')
                    throw new InvalidDataException("A chunk not followed by CRLF.");
                _start += size + 2;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(body);
            throw;
        }
    }

    /// <summary>The next line without its CRLF; valid until the next read.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken ct)
    {
        int at;
        while ((at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            if (_end - _start >= MaxHeadBytes) throw new InvalidDataException("A chunk line longer than 64 KiB.");
            await ReceiveAsync(ct, firstByte: false).ConfigureAwait(false);
        }
        var line = _buffer.AsMemory(_start, at);
        _start += at + 2;
        return line;
    }

    /// <summary>Reads more bytes after the unread ones, making room first (moving them to the front, or growing the buffer).</summary>
    private async ValueTask ReceiveAsync(CancellationToken ct, bool firstByte)
    {
        if (_end == _buffer.Length)
        {
            int unread = _end - _start;
            if (unread == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            else _buffer.AsSpan(_start, unread).CopyTo(_buffer);
            _start = 0;
            _end = unread;
        }
        int read = await _socket!.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, ct).ConfigureAwait(false);
        if (read == 0)
        {
            if (firstByte && _answeredBefore) throw new StaleException();
            throw new IOException("The server closed the connection before its answer was complete.");
        }
        _end += read;
    }

    /// <summary>
    /// A token cancelled after <paramref name="timeout"/> on <paramref name="clock"/>, for one exchange.
    /// The source is reused from exchange to exchange (a new one only after it fired), so a request
    /// costs no new source and timer; <see cref="EndTimeout"/> disarms it.
    /// </summary>
    public CancellationToken StartTimeout(TimeSpan timeout, TimeProvider clock)
    {
        if (_timeout is null || !_timeout.TryReset())
        {
            _timeout?.Dispose();
            _timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        }
        _timeout.CancelAfter(timeout);
        return _timeout.Token;
    }

    public void EndTimeout() => _timeout?.TryReset();

    /// <summary>The run was stopped: the exchange in progress ends as if it had timed out.</summary>
    public void CancelExchange() => _timeout?.Cancel();

    /// <summary>Drops the socket after a fault or a timeout; the next request connects again.</summary>
    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    public void Dispose()
    {
        Close();
        _timeout?.Dispose();
    }
}
