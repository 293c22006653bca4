using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// A <see cref="ServiceRequest"/> as HTTP/1.1 bytes in a buffer rented from the shared pool: the
/// request line, Host, the caller's Authorization, Idempotency-Key, and a JSON body with its
/// Content-Length. No other header: the service needs none, and every byte is the crowd's CPU.
/// </summary>
public static class RequestBytes
{
    /// <param name="basePath">The service URL's path, starting and ending with '/'.</param>
    /// <param name="hostLine">"Host: …\r\n", made once per transport.</param>
    /// <returns>The rented buffer (return it to <see cref="ArrayPool{T}.Shared"/>) and the request's length in it.</returns>
    public static (byte[] Buffer, int Length) Write(ServiceRequest request, string basePath, byte[] hostLine)
    {
        string method = request.Method.Method;
        int bodyLength = request.JsonBody?.Length ?? 0;
        int capacity = method.Length + 1 + Encoding.UTF8.GetByteCount(basePath) + Encoding.UTF8.GetByteCount(request.Path) + " HTTP/1.1\r\n".Length
                       + hostLine.Length + 2
                       + (request.Caller is null ? 0 : "Authorization: \r\n".Length + Encoding.UTF8.GetByteCount(request.Caller.HeaderValue))
                       + (request.IdempotencyKey is null ? 0 : "Idempotency-Key: \r\n".Length + Encoding.UTF8.GetByteCount(request.IdempotencyKey))
                       + (request.JsonBody is null ? 0 : "Content-Type: application/json\r\nContent-Length: \r\n".Length + 11 + bodyLength);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var span = buffer.AsSpan();
        int at = 0;
        at += Encoding.ASCII.GetBytes(method, span[at..]);
        span[at++] = (byte)' ';
        at += Encoding.UTF8.GetBytes(basePath, span[at..]);
        at += Encoding.UTF8.GetBytes(request.Path, span[at..]);
        at += Append(span[at..], " HTTP/1.1\r\n"u8);
        at += Append(span[at..], hostLine);
        if (request.Caller is not null)
        {
            at += Append(span[at..], "Authorization: "u8);
            at += Encoding.UTF8.GetBytes(request.Caller.HeaderValue, span[at..]);
            at += Append(span[at..], "\r\n"u8);
        }
        if (request.IdempotencyKey is not null)
        {
            at += Append(span[at..], "Idempotency-Key: "u8);
            at += Encoding.UTF8.GetBytes(request.IdempotencyKey, span[at..]);
            at += Append(span[at..], "\r\n"u8);
        }
        if (request.JsonBody is not null)
        {
            at += Append(span[at..], "Content-Type: application/json\r\nContent-Length: "u8);
            Utf8Formatter.TryFormat(bodyLength, span[at..], out int digits);
            at += digits;
            at += Append(span[at..], "\r\n"u8);
        }
        at += Append(span[at..], "\r\n"u8);
        if (request.JsonBody is not null) at += Append(span[at..], request.JsonBody);
        return (buffer, at);
    }

    private static int Append(Span<byte> to, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(to);
        return bytes.Length;
    }
}
