using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Service.Transport;
using static OrleansBooking.Tests.LoadTests.Transport.ScriptedHttpServer;

namespace OrleansBooking.Tests.LoadTests.Transport;

/// <summary>The crowd's own HTTP/1.1 transport against a server that answers with scripted bytes.</summary>
public sealed class RawHttpTransportTests
{
    private const string SoldOutProblem = """{"title":"Sold out.","status":409,"code":"sold_out","poolId":"p1"}""";

    private static RawHttpTransport TransportTo(ScriptedHttpServer server, int connections = 1, TimeProvider? clock = null) =>
        new(server.Url, connections, TimeSpan.FromSeconds(10), clock);

    [Fact]
    public async Task AReservationIsSentWithItsTokenKeyAndJsonBodyAndNothingElse()
    {
        var received = new TaskCompletionSource<string>();
        await using var server = new ScriptedHttpServer(async (stream, _) =>
        {
            received.SetResult(await ReadRequestAsync(stream));
            await WriteAsync(stream, "HTTP/1.1 409 Conflict\r\nContent-Type: application/problem+json\r\nContent-Length: " +
                                     SoldOutProblem.Length + "\r\n\r\n" + SoldOutProblem);
        });
        using var transport = TransportTo(server);

        var call = await new BookingServiceClient(transport).ReserveAsync("p 1", "pt-7", new BearerToken("tok"), "key-1", CancellationToken.None);

        string body = """{"patientId":"pt-7"}""";
        Assert.Equal(
            "POST /api/pools/p%201/reservations HTTP/1.1\r\n" +
            $"Host: {server.Url.Authority}\r\n" +
            "Authorization: Bearer tok\r\n" +
            "Idempotency-Key: key-1\r\n" +
            "Content-Type: application/json\r\n" +
            $"Content-Length: {body.Length}\r\n\r\n" + body,
            await received.Task);
        Assert.Equal(new RequestOutcome(409, "sold_out"), call.Outcome);
    }

    [Fact]
    public async Task AChunkedAnswerSplitAcrossWritesIsReadWholeAndTheConnectionIsKept()
    {
        await using var server = new ScriptedHttpServer(async (stream, _) =>
        {
            for (int i = 0; i < 2; i++)
            {
                await ReadRequestAsync(stream);
                string half = SoldOutProblem[..20], rest = SoldOutProblem[20..];
                await WriteAsync(stream, "HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\nRetry-After: 3\r\n\r\n");
                await stream.FlushAsync();
                await WriteAsync(stream, $"{half.Length:x}\r\n{half}\r\n{rest.Length:x};ext=1\r\n");
                await stream.FlushAsync();
                await WriteAsync(stream, $"{rest}\r\n0\r\n\r\n");
            }
        });
        using var transport = TransportTo(server);
        var client = new BookingServiceClient(transport);

        var first = await client.ReserveAsync("p1", "pt", null, "k1", CancellationToken.None);
        var second = await client.ReserveAsync("p1", "pt", null, "k2", CancellationToken.None);

        Assert.Equal(new RequestOutcome(409, "sold_out"), first.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), first.RetryAfter);
        Assert.Equal(new RequestOutcome(409, "sold_out"), second.Outcome);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task AConnectionTheServerClosedWhileIdleIsReplacedAndTheRequestSentAgain()
    {
        int requests = 0;
        await using var server = new ScriptedHttpServer(async (stream, _) =>
        {
            await ReadRequestAsync(stream);
            Interlocked.Increment(ref requests);
            await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nHealthy");
            // and closes: the next request on this connection finds it gone
        });
        using var transport = TransportTo(server);
        var client = new BookingServiceClient(transport);

        var first = await client.ProbeAsync("health/live", CancellationToken.None);
        var second = await client.ProbeAsync("health/live", CancellationToken.None);

        Assert.Equal(200, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(2, server.Accepted);
        Assert.Equal(2, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task AnAnswerCutOffMidBodyIsATransportErrorAndTheNextRequestConnectsAgain()
    {
        await using var server = new ScriptedHttpServer(async (stream, connection) =>
        {
            await ReadRequestAsync(stream);
            await WriteAsync(stream, connection == 0
                ? "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a part"
                : "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nHealthy");
        });
        using var transport = TransportTo(server);
        var client = new BookingServiceClient(transport);

        var cut = await client.ProbeAsync("health/live", CancellationToken.None);
        var next = await client.ProbeAsync("health/live", CancellationToken.None);

        Assert.Equal(new RequestOutcome(0, RequestOutcome.TransportError), cut);
        Assert.Equal(200, next.Status);
        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOutOnTheTransportsClock()
    {
        var clock = new FakeTimeProvider();
        var requestArrived = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var server = new ScriptedHttpServer(async (stream, _) =>
        {
            await ReadRequestAsync(stream);
            requestArrived.SetResult();
            await release.Task;
        });
        using var transport = TransportTo(server, clock: clock);

        var call = new BookingServiceClient(transport).ProbeAsync("health/live", CancellationToken.None);
        await requestArrived.Task;
        Assert.False(call.IsCompleted, "The call ended before its timeout.");
        clock.Advance(TimeSpan.FromSeconds(10));
        var outcome = await call;
        release.SetResult();

        Assert.Equal(new RequestOutcome(0, RequestOutcome.Timeout), outcome);
    }

    [Fact]
    public async Task RequestsBeyondTheConnectionsWaitForAFreeOneInsteadOfOpeningMore()
    {
        var gate = new TaskCompletionSource();
        var firstArrived = new TaskCompletionSource();
        await using var server = new ScriptedHttpServer(async (stream, _) =>
        {
            await ReadRequestAsync(stream);
            firstArrived.TrySetResult();
            await gate.Task;
            await WriteAsync(stream, "HTTP/1.1 204 No Content\r\n\r\n");
            await ReadRequestAsync(stream);
            await WriteAsync(stream, "HTTP/1.1 204 No Content\r\n\r\n");
        });
        using var transport = TransportTo(server, connections: 1);
        var client = new BookingServiceClient(transport);

        var first = client.ProbeAsync("a", CancellationToken.None);
        await firstArrived.Task;
        var second = client.ProbeAsync("b", CancellationToken.None);
        Assert.False(second.IsCompleted, "The second request did not wait for the only connection.");
        gate.SetResult();

        Assert.Equal(204, (await first).Status);
        Assert.Equal(204, (await second).Status);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public void AnHttpsUrlIsRefusedWithTheSwitchToUseInstead()
    {
        var e = Assert.Throws<ArgumentException>(() => new RawHttpTransport(new Uri("https://booking.example/"), 1, TimeSpan.FromSeconds(1)));
        Assert.Contains("--transport httpclient", e.Message);
    }
}
