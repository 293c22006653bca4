using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.Notifications;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// POSTs each message as JSON to <c>Booking:Notifications:Webhook:Url</c>, signed (see
/// <see cref="WebhookSignature"/>) and carrying the notification id as <c>Idempotency-Key</c>.
/// Any 2xx is delivered; anything else, or no answer within the timeout, is a failed attempt.
/// </summary>
public sealed class WebhookNotificationSender(IHttpClientFactory clients, IOptions<NotificationOptions> options, TimeProvider clock)
    : INotificationSender
{
    /// <summary>The named HttpClient it uses (tests and operators can configure its handler).</summary>
    public const string ClientName = "notifications-webhook";

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var webhook = options.Value.Webhook;
        var body = JsonSerializer.SerializeToUtf8Bytes(notification, BodyJson);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(WebhookSignature.IdempotencyKeyHeader, notification.NotificationId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(webhook.Secret!, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(webhook.Timeout);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }
}
