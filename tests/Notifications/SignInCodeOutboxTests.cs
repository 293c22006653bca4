using System.Net;
using System.Text.RegularExpressions;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Notifications;

/// <summary>One-time codes go through the dispatcher but the outbox never holds them, nor the number, in plain text.</summary>
public sealed partial class SignInCodeOutboxTests
{
    [Fact]
    public async Task ACodeIsSealedInTheOutboxDeliveredByTheDispatcherAndThenForgotten()
    {
        var sender = new ScriptedSender();
        await using var silo = NotificationSilo.Create(sender);
        using var client = silo.CreateAnonymousClient();
        var mobile = AccountCalls.NewMobile();

        using (var sent = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile })) await sent.ReadAsync(HttpStatusCode.Accepted);
        var stored = await silo.TextAsync("SELECT payload FROM notifications WHERE kind = 'sign_in_code'");
        await silo.DispatchAsync();

        var message = Assert.Single(sender.Received);
        Assert.Equal(mobile, message.Mobile);
        var code = SixDigits().Match(message.Text).Value;
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(mobile, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(mobile[^4..], stored, StringComparison.Ordinal);
        Assert.Equal("{}", await silo.TextAsync("SELECT payload FROM notifications WHERE kind = 'sign_in_code'"));

        using var wrong = await client.PostJsonAsync("/api/auth/register", new { mobile, code = code == "000000" ? "111111" : "000000", password = AccountCalls.Password });
        await wrong.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        using var right = await client.PostJsonAsync("/api/auth/register", new { mobile, code, password = AccountCalls.Password });
        await right.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ACodeThatExpiresBeforeItCanBeDeliveredIsGivenUpAndForgotten()
    {
        var sender = new ScriptedSender();
        await using var silo = NotificationSilo.Create(sender);
        using var client = silo.CreateAnonymousClient();

        using (var sent = await client.PostJsonAsync("/api/auth/registration-codes", new { mobile = AccountCalls.NewMobile() })) await sent.ReadAsync(HttpStatusCode.Accepted);
        silo.Clock.Advance(TimeSpan.FromMinutes(6));
        var report = await silo.DispatchAsync();

        Assert.Equal((0, 1), (report.Sent, report.GaveUp));
        Assert.Empty(sender.Received);
        Assert.Equal(1, await silo.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'sign_in_code' AND dead_at IS NOT NULL AND payload = '{}'"));
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
