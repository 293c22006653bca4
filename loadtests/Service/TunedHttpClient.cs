using System.Net;

namespace OrleansBooking.LoadTests.Service;

/// <summary>
/// An HttpClient set up for tens of thousands of requests per second at one host: a large,
/// long-lived connection pool, no proxy, cookies, redirects or decompression. HTTP/1.1 by default;
/// HTTP/2 without TLS (prior knowledge) as an option, which multiplexes requests over few connections.
/// </summary>
public static class TunedHttpClient
{
    /// <summary>Default connection pool size.</summary>
    public const int DefaultMaxConnections = 256;

    /// <summary>Default per-request timeout, about as long as a patient watches a spinner.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    public static HttpClient Create(Uri baseAddress, int maxConnections = DefaultMaxConnections, TimeSpan? requestTimeout = null, bool http2 = false)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            // Connections are reused for the whole run; reconnecting mid-rush would be measured as latency.
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            EnableMultipleHttp2Connections = true,
        };
        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = requestTimeout ?? DefaultRequestTimeout,
            DefaultRequestVersion = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        client.DefaultRequestHeaders.ExpectContinue = false;
        return client;
    }
}
