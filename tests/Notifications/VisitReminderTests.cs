using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Validation;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Notifications;

/// <summary>The reminder the day before a visit, on the fake clock, and the account's choice to have none.</summary>
public sealed class VisitReminderTests
{
    // The fixture's pools are visited on 2026-12-02; 18:00 the day before in Asia/Shanghai is 10:00 UTC.
    private static readonly DateTimeOffset JustBeforeTheHour = new(2026, 12, 1, 9, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task TomorrowsVisitsAreRemindedFromTheHourOnOnceEachAndNotWhereTheAccountTurnedThemOff()
    {
        var sender = new ScriptedSender();
        await using var silo = NotificationSilo.Create(sender);
        using var client = silo.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var reminded = (await client.ReserveOkAsync(poolId, "pt-remind-" + poolId[5..])).Str("reservationId");
        var quietPatient = "pt-quiet-" + poolId[5..];
        var quiet = (await client.ReserveOkAsync(poolId, quietPatient)).Str("reservationId");
        using (var off = await PutPreferencesAsync(client, TestIdentity.PatientAccountOf(quietPatient), new { reminders = false, language = (string?)null }))
            await off.ReadAsync(HttpStatusCode.OK);
        var reminders = silo.Services.GetRequiredService<VisitReminders>();

        silo.Clock.SetUtcNow(JustBeforeTheHour);
        await reminders.RunAsync(CancellationToken.None);
        var beforeTheHour = await RemindersOfAsync(silo, reminded);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await reminders.RunAsync(CancellationToken.None);
        await reminders.RunAsync(CancellationToken.None);
        await silo.DispatchAsync();

        Assert.Equal(0, beforeTheHour);
        Assert.Equal(1, await RemindersOfAsync(silo, reminded));
        Assert.Equal(0, await RemindersOfAsync(silo, quiet));
        var message = sender.Distinct()["reminder-" + reminded];
        Assert.Equal("zh", message.Language);
        Assert.Contains(NameMasking.Mask("Test Patient"), message.Text, StringComparison.Ordinal);
        Assert.Contains("第1号", message.Text, StringComparison.Ordinal);
        Assert.Contains("08:00", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Patient", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountThatChoseEnglishIsWrittenToInEnglishAndItsChoiceReadsBack()
    {
        var sender = new ScriptedSender();
        await using var silo = NotificationSilo.Create(sender);
        using var client = silo.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var patientId = "pt-english-" + poolId[5..];
        var account = TestIdentity.PatientAccountOf(patientId);
        await client.EnsurePatientAsync(patientId);

        using var defaults = await client.SendAsAsync(account, HttpMethod.Get, "/api/account/notification-preferences");
        var before = await defaults.ReadAsync(HttpStatusCode.OK);
        using (var english = await PutPreferencesAsync(client, account, new { reminders = true, language = "en" })) await english.ReadAsync(HttpStatusCode.OK);
        using var chosen = await client.SendAsAsync(account, HttpMethod.Get, "/api/account/notification-preferences");
        var after = await chosen.ReadAsync(HttpStatusCode.OK);
        var reservationId = (await client.ReserveOkAsync(poolId, patientId)).Str("reservationId");
        await silo.DispatchAsync();

        Assert.Equal((true, System.Text.Json.JsonValueKind.Null), (before.GetProperty("reminders").GetBoolean(), before.GetProperty("language").ValueKind));
        Assert.Equal((true, "en"), (after.GetProperty("reminders").GetBoolean(), after.Str("language")));
        var confirmation = sender.Distinct()["booked-" + reservationId];
        Assert.Equal("en", confirmation.Language);
        Assert.StartsWith("Appointment booked: T*** P******, Dr dr-li", confirmation.Text, StringComparison.Ordinal);
        Assert.Equal("13912345678", confirmation.Mobile);
    }

    [Fact]
    public async Task PreferencesWithoutRemindersOrInAnUnknownLanguageAreRefused()
    {
        await using var silo = NotificationSilo.Create(new ScriptedSender());
        using var client = silo.CreateClient();
        var account = TestIdentity.Patient("acct-bad-preferences");

        using var missing = await PutPreferencesAsync(client, account, new { language = "en" });
        using var unknown = await PutPreferencesAsync(client, account, new { reminders = true, language = "fr" });

        Assert.Equal(["reminders"], (await missing.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(["language"], (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(0, await silo.ScalarAsync("SELECT COUNT(*) FROM notification_preferences"));
    }

    private static Task<HttpResponseMessage> PutPreferencesAsync(HttpClient client, TestIdentity account, object body) =>
        client.SendAsAsync(account, HttpMethod.Put, "/api/account/notification-preferences", JsonContent.Create(body));

    private static Task<long> RemindersOfAsync(BookingApiFactory silo, string reservationId) =>
        silo.ScalarAsync($"SELECT COUNT(*) FROM notifications WHERE kind = 'visit_reminder' AND notification_id = 'reminder-{reservationId}'");
}
