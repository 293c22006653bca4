using System.Net.Http.Headers;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Service.Transport;

/// <summary>
/// Requests through an HttpClient: the in-process test servers, HTTP/2, and the yardstick the raw
/// transport is measured against. Its BaseAddress is the service.
/// </summary>
public sealed class HttpClientTransport : IServiceTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsClient;

    public HttpClientTransport(HttpClient http, bool ownsClient = false)
    {
        BaseAddress = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress (the service's URL).", nameof(http));
        _http = http;
        _ownsClient = ownsClient;
    }

    public Uri BaseAddress { get; }

    public async ValueTask<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        // Unvalidated: the values were built once, and parsing them again per request would cost the generator CPU the service needs.
        if (request.Caller is not null) message.Headers.TryAddWithoutValidation("Authorization", request.Caller.HeaderValue);
        if (request.IdempotencyKey is not null) message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        if (request.JsonBody is not null)
        {
            // Bytes with a known length: a streamed body would be sent chunked, which costs the server more.
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.ContentType = Json;
        }
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return new ServiceResponse((int)response.StatusCode, RetryAfterOf(response), body, body.Length, rented: false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
            return ServiceResponse.Failed(RequestOutcome.Timeout);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return ServiceResponse.Failed(RequestOutcome.TransportError);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }
}
