using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>Options every load command shares: how requests are sent, where reports go, pass/fail thresholds.</summary>
public sealed record OutputSwitches(string Root, int Connections, TimeSpan Timeout, bool Quiet, Thresholds Thresholds, bool Http2, bool ViaHttpClient)
{
    public const string Help = """
          --connections N           HTTP connections to the service (default 256)
          --transport raw|httpclient  raw: the suite's own HTTP/1.1 over pooled sockets, a fraction of HttpClient's CPU
                                    (default); httpclient: .NET's HttpClient, the yardstick
          --http2                   HTTP/2 without TLS (prior knowledge) instead of HTTP/1.1 (through HttpClient)
          --timeout DUR             per-request timeout; a timeout is retried like a 503 (default 10s)
          --max-p99-ms MS           fail (exit 1) if p99 of the main requests exceeds this
          --max-first-5s-p99-ms MS  fail (exit 1) if p99 of the main requests meant to start in the first 5 s (after the
                                    release, for a rush) exceeds this; without it that p99 is still reported
          --max-error-rate F        fail (exit 1) if this share of requests erred (5xx, timeouts, unexpected 4xx), e.g. 0.01
          --out DIR                 reports folder (default loadtests/reports; one sub-folder per run)
          --quiet                   no per-second progress lines

        """;

    public static OutputSwitches From(CommandLineArgs args)
    {
        bool http2 = args.Flag("http2");
        string? transport = args.String("transport");
        if (transport is not (null or "raw" or "httpclient"))
            throw new UsageException($"--transport must be raw or httpclient, not '{transport}'.");
        if (http2 && transport == "raw")
            throw new UsageException("--http2 goes through HttpClient; leave out --transport raw.");
        return new(
            args.String("out") ?? ReportFolder.DefaultRoot,
            args.Int("connections") ?? TunedHttpClient.DefaultMaxConnections,
            args.Duration("timeout") ?? TunedHttpClient.DefaultRequestTimeout,
            args.Flag("quiet"),
            new Thresholds(args.Double("max-p99-ms"), args.Double("max-error-rate"), args.Double("max-first-5s-p99-ms")),
            http2,
            ViaHttpClient: http2 || transport == "httpclient");
    }

    public IServiceTransport CreateTransport(Uri url) => ViaHttpClient
        ? new HttpClientTransport(TunedHttpClient.Create(url, Connections, Timeout, Http2), ownsClient: true)
        : new RawHttpTransport(url, Connections, Timeout);
}
