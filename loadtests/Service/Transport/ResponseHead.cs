using System.Buffers.Text;
using System.Text;

namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// The status line and the few headers of an HTTP/1.1 response the suite acts on: how the body is
/// framed (Content-Length or chunked), whether the server closes the connection, and Retry-After
/// in seconds. Everything else is skipped unread.
/// </summary>
public readonly record struct ResponseHead(int Status, long ContentLength, bool Chunked, bool ConnectionClose, TimeSpan? RetryAfter)
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>A response to which no body belongs whatever its headers say (RFC 9112 §6.3).</summary>
    public bool HasNoBody => Status is (>= 100 and < 200) or 204 or 304;

    /// <summary>
    /// Parses the head at the start of <paramref name="buffer"/>; false when it is not complete yet.
    /// <paramref name="length"/> is the head's length including the blank line.
    /// </summary>
    /// <exception cref="InvalidDataException">Not an HTTP/1.x response head.</exception>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out ResponseHead head, out int length)
    {
        head = default;
        length = 0;
        int end = buffer.IndexOf(HeaderEnd);
        if (end < 0) return false;
        length = end + HeaderEnd.Length;
        var lines = buffer[..end];
        int lineEnd = lines.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? lines : lines[..lineEnd];
        // "HTTP/1.1 201 Created": the version, a space, three digits.
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out int digits) || digits != 3)
            throw new InvalidDataException($"Not an HTTP/1.x status line: '{Encoding.ASCII.GetString(statusLine)}'.");

        long contentLength = -1;
        bool chunked = false, close = false;
        TimeSpan? retryAfter = null;
        var rest = lineEnd < 0 ? default : lines[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            int next = rest.IndexOf("\r\n"u8);
            var line = next < 0 ? rest : rest[..next];
            rest = next < 0 ? default : rest[(next + 2)..];
            int colon = line.IndexOf((byte)':');
            if (colon <= 0) continue;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out int used) || used != value.Length || contentLength < 0)
                    throw new InvalidDataException("A Content-Length that is not a number.");
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
                chunked = ContainsIgnoreCase(value, "chunked"u8);
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
                close = ContainsIgnoreCase(value, "close"u8);
            else if (Ascii.EqualsIgnoreCase(name, "retry-after"u8)
                     && Utf8Parser.TryParse(value, out int seconds, out int read) && read == value.Length && seconds >= 0)
                retryAfter = TimeSpan.FromSeconds(seconds);
        }
        head = new ResponseHead(status, contentLength, chunked, close, retryAfter);
        return true;
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        for (int i = 0; i + token.Length <= value.Length; i++)
            if (Ascii.EqualsIgnoreCase(value.Slice(i, token.Length), token)) return true;
        return false;
    }
}
