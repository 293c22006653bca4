using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// Seals what a sign-in code message must carry (the number, the code) with the silo's
/// data-protection key ring, so the outbox never holds either in plain text; the dispatcher opens
/// it to send and then empties the row. The key ring is shared by every silo, so any silo can open it.
/// </summary>
public sealed class SealedMessages(IDataProtectionProvider protection)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector protector = protection.CreateProtector("OrleansBooking.Notifications.SealedMessage.v1");

    /// <summary>The outbox payload: <c>{"sealed": "…"}</c>.</summary>
    public string Seal(SealedMessage message) =>
        JsonSerializer.Serialize(new { @sealed = protector.Protect(JsonSerializer.Serialize(message, Json)) }, Json);

    /// <summary>The message inside <paramref name="payload"/>; null when it is empty or cannot be opened (a key ring lost).</summary>
    public SealedMessage? Open(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (!document.RootElement.TryGetProperty("sealed", out var sealedText) || sealedText.GetString() is not { } text) return null;
            return JsonSerializer.Deserialize<SealedMessage>(protector.Unprotect(text), Json);
        }
        catch (Exception exception) when (exception is JsonException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>A message to a phone number that may not be a patient's yet: a code (with its purpose and expiry) or an account notice.</summary>
public sealed record SealedMessage(string Mobile, string? Purpose, string? Code, DateTimeOffset? ExpiresAt, string? Notice);
