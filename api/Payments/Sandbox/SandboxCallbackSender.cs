using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Payments.Sandbox;

/// <summary>
/// The sandbox's half of a callback, like a gateway's notifier: POSTs the signed body to the
/// service's callback route and, once answered 2xx, stops sending it; otherwise the retry job
/// (<see cref="ISandboxBooks.UnacknowledgedAsync"/>) sends it again, so a callback lost to a dying
/// silo or a database outage still arrives.
/// </summary>
public sealed partial class SandboxCallbackSender(
    IHttpClientFactory clients, ISandboxBooks books, IOptions<SandboxOptions> options, IServer server, TimeProvider clock,
    ILogger<SandboxCallbackSender> logger)
{
    /// <summary>The named HttpClient it posts with (tests point it at the in-process server).</summary>
    public const string ClientName = "sandbox-callbacks";

    public const string CallbackPath = "/api/payments/callbacks/" + SandboxProvider.ProviderName;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends the latest callback of <paramref name="payment"/>; true when the service acknowledged it.</summary>
    public async Task<bool> SendAsync(SandboxPayment payment, CancellationToken cancellationToken)
    {
        var body = SandboxCallbackBody.Of(payment).ToUtf8();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, Target()) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(SandboxSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SandboxSignature.SignatureHeader, SandboxSignature.Sign(options.Value.Secret!, timestamp, body));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogNotAcknowledged(payment.ProviderPaymentId, (int)response.StatusCode);
                return false;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogNotDelivered(payment.ProviderPaymentId, exception);
            return false;
        }
        await books.AcknowledgeAsync(payment.ProviderPaymentId, payment.EventId!, clock.GetUtcNow(), cancellationToken);
        return true;
    }

    /// <summary>Sends again every callback the service has not acknowledged (a gateway's retries); returns how many got through.</summary>
    public async Task<int> SendUnacknowledgedAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var payment in await books.UnacknowledgedAsync(100, cancellationToken))
            if (await SendAsync(payment, cancellationToken)) delivered++;
        return delivered;
    }

    /// <summary>The configured URL, or this silo's own callback route on the first address it listens on.</summary>
    private Uri Target()
    {
        if (options.Value.CallbackUrl is { } configured) return new Uri(configured);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        // A wildcard listener ("http://+:80", "http://[::]:80", "http://0.0.0.0:80") is reached on the loopback.
        var local = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (local.Host is "[::]" or "::" or "0.0.0.0") local.Host = "127.0.0.1";
        local.Path = CallbackPath;
        return local.Uri;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox callback for {ProviderPaymentId} answered {Status}; it will be sent again.")]
    private partial void LogNotAcknowledged(string providerPaymentId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox callback for {ProviderPaymentId} could not be delivered; it will be sent again.")]
    private partial void LogNotDelivered(string providerPaymentId, Exception exception);
}
