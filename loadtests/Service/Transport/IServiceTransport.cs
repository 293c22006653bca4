namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// How the suite's requests reach the service. Two ways: <see cref="HttpClientTransport"/> (any
/// HttpClient, e.g. an in-process test server's) and <see cref="RawHttpTransport"/> (plain HTTP/1.1
/// over pooled sockets, for the crowd: it costs the generator a fraction of HttpClient's CPU, which
/// on a shared machine is CPU the service gets back; docs/benchmarks.md has the measurements).
/// A transport never throws for what the network or the service did: a failure is a response
/// with status 0 and a reason.
/// </summary>
public interface IServiceTransport : IDisposable
{
    /// <summary>The service's URL; request paths are relative to it.</summary>
    Uri BaseAddress { get; }

    ValueTask<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken ct);
}
