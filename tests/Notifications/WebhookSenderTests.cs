using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Silo.Hosting.Notifications;
using OrleansBooking.Silo.Notifications;

namespace OrleansBooking.Tests.Notifications;

/// <summary>The webhook sender: a signed JSON POST with the id as idempotency key; anything but 2xx is a failed attempt.</summary>
public sealed class WebhookSenderTests
{
    private const string Secret = "a shared secret of at least thirty-two characters";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly OutgoingNotification Message =
        new("booked-r1", NotificationKinds.BookingConfirmed, "p-1", "13912345678", "zh", "【预约挂号】张*，您已成功预约…", Now);

    [Fact]
    public async Task ItPostsTheMessageSignedOverTimestampAndBodyWithTheIdAsIdempotencyKey()
    {
        var gateway = new RecordingHandler(HttpStatusCode.Accepted);

        await Sender(gateway).SendAsync(Message, CancellationToken.None);

        var (request, body) = Assert.Single(gateway.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://sms.example/hooks/booking", request.RequestUri!.ToString());
        Assert.Equal("booked-r1", request.Headers.GetValues("Idempotency-Key").Single());
        var timestamp = long.Parse(request.Headers.GetValues(WebhookSignature.TimestampHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Now.ToUnixTimeSeconds(), timestamp);
        var signature = request.Headers.GetValues(WebhookSignature.SignatureHeader).Single();
        Assert.True(WebhookSignature.Verify(Secret, timestamp, body, signature), $"the signature {signature} does not verify");
        Assert.False(WebhookSignature.Verify(Secret, timestamp + 1, body, signature), "a signature must not verify for another timestamp");
        Assert.False(WebhookSignature.Verify("another secret of thirty-two characters!!", timestamp, body, signature), "nor with another key");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(("booked-r1", "13912345678", "zh"), (json.RootElement.GetProperty("notificationId").GetString(),
            json.RootElement.GetProperty("mobile").GetString(), json.RootElement.GetProperty("language").GetString()));
        Assert.Equal(Message.Text, json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnAnswerOtherThan2xxIsAFailedAttempt()
    {
        var gateway = new RecordingHandler(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender(gateway).SendAsync(Message, CancellationToken.None));
    }

    [Fact]
    public void TheSignatureIsTheHexHmacOfTimestampDotBody()
    {
        // Worked example for docs/notifications.md: secret "key", timestamp 1700000000, body {}.
        var expected = "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, "1700000000.{}"u8));

        Assert.Equal(expected, WebhookSignature.Sign("key", 1700000000, "{}"u8));
    }

    [Fact]
    public void TheWebhookSenderNeedsAUrlAndALongSecretAndBadSettingsAreNamed()
    {
        var validation = new NotificationOptionsValidation();
        var bad = validation.Validate(null, new NotificationOptions
        {
            Sender = NotificationOptions.WebhookSender,
            Language = "fr",
            MaxAttempts = 0,
            Webhook = new NotificationOptions.WebhookOptions { Url = "ftp://x", Secret = "short" },
        });
        var unknown = validation.Validate(null, new NotificationOptions { Sender = "carrier-pigeon" });

        Assert.True(bad.Failed);
        foreach (var setting in new[] { "Booking:Notifications:Language", "Booking:Notifications:MaxAttempts", "Booking:Notifications:Webhook:Url", "Booking:Notifications:Webhook:Secret" })
            Assert.Contains(bad.Failures!, f => f.Contains(setting, StringComparison.Ordinal));
        Assert.Contains(unknown.Failures!, f => f.Contains("Booking:Notifications:Sender", StringComparison.Ordinal));
        Assert.True(validation.Validate(null, new NotificationOptions()).Succeeded);
    }

    private static WebhookNotificationSender Sender(RecordingHandler gateway)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookNotificationSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => gateway);
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new NotificationOptions
        {
            Sender = NotificationOptions.WebhookSender,
            Webhook = new NotificationOptions.WebhookOptions { Url = "https://sms.example/hooks/booking", Secret = Secret },
        });
        return new WebhookNotificationSender(clients, options, new FakeTimeProvider(Now));
    }

    private sealed class RecordingHandler(HttpStatusCode answer) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request, await request.Content!.ReadAsByteArrayAsync(cancellationToken)));
            return new HttpResponseMessage(answer);
        }
    }
}
