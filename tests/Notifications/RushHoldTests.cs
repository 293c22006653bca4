using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Rush;
using OrleansBooking.Grains.Rush;
using OrleansBooking.Tests.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Notifications;

/// <summary>
/// While the bookings' rush is on, the messages that can wait wait (at most the longest hold) and a
/// sign-in code does not. "The rush" is this silo's reservation attempts a second, counted on the
/// silo's clock, so the tests make it by reserving or by counting attempts, and end it by moving the clock.
/// </summary>
public sealed class RushHoldTests
{
    private const int RushAttemptsPerSecond = 3;

    [Fact]
    public async Task WhileTheRushIsOnConfirmationsWaitAndASignInCodeDoesNotThenTheyGoOutWhenItIsOver()
    {
        var sender = new ScriptedSender();
        await using var silo = Create(sender, maxHold: TimeSpan.FromMinutes(2));
        using var client = silo.CreateClient();
        var poolId = await OpenPoolAsync(client);
        var reservations = new List<string>();
        for (var i = 0; i < 5; i++) reservations.Add((await client.ReserveOkAsync(poolId, $"pt-rush-{i}-{poolId}")).Str("reservationId"));
        using (var code = await silo.CreateAnonymousClient().PostJsonAsync("/api/auth/registration-codes", new { mobile = AccountCalls.NewMobile() }))
            await code.ReadAsync(HttpStatusCode.Accepted);

        var during = await silo.DispatchAsync();
        var codeOnly = sender.Received.ToList();
        // Two seconds on, neither the second the clock is in nor the one before holds an attempt.
        silo.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await silo.DispatchAsync();

        Assert.Equal(1, during.Sent);
        Assert.Equal("sign_in_code", Assert.Single(codeOnly).Kind);
        Assert.Equal(5, after.Sent);
        Assert.Equal(reservations.Select(r => "booked-" + r).Order(), sender.Received.Skip(1).Select(n => n.NotificationId).Order());
    }

    [Fact]
    public async Task ARushThatGoesOnPastTheLongestHoldNoLongerHoldsWhatWasWrittenBeforeIt()
    {
        var sender = new ScriptedSender();
        var maxHold = TimeSpan.FromSeconds(10);
        await using var silo = Create(sender, maxHold);
        using var client = silo.CreateClient();
        var poolId = await OpenPoolAsync(client);
        var early = (await client.ReserveOkAsync(poolId, "pt-early-" + poolId)).Str("reservationId");
        for (var i = 0; i < RushAttemptsPerSecond; i++) CountAttempt(silo, poolId);

        var held = await silo.DispatchAsync();
        // The crowd keeps coming, and a patient books in the last second of the hold.
        silo.Clock.Advance(maxHold - TimeSpan.FromSeconds(1));
        var late = (await client.ReserveOkAsync(poolId, "pt-late-" + poolId)).Str("reservationId");
        silo.Clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < RushAttemptsPerSecond; i++) CountAttempt(silo, poolId);
        var heldTooLong = await silo.DispatchAsync();

        Assert.Equal(0, held.Sent);
        Assert.Equal(1, heldTooLong.Sent);
        Assert.Equal("booked-" + early, Assert.Single(sender.Received).NotificationId);
        Assert.Equal(1, await silo.ScalarAsync($"SELECT COUNT(*) FROM notifications WHERE notification_id = 'booked-{late}' AND sent_at IS NULL"));
    }

    [Fact]
    public async Task BelowTheRushRateNothingIsHeld()
    {
        var sender = new ScriptedSender();
        await using var silo = Create(sender, maxHold: TimeSpan.FromMinutes(2));
        using var client = silo.CreateClient();
        var poolId = await OpenPoolAsync(client);
        for (var i = 0; i < RushAttemptsPerSecond - 1; i++) await client.ReserveOkAsync(poolId, $"pt-quiet-{i}-{poolId}");

        var report = await silo.DispatchAsync();

        Assert.Equal(RushAttemptsPerSecond - 1, report.Sent);
    }

    private static BookingApiFactory Create(ScriptedSender sender, TimeSpan maxHold) => NotificationSilo.Create(sender)
        .With("Booking:Notifications:RushAttemptsPerSecond", RushAttemptsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Booking:Notifications:MaxRushHold", maxHold.ToString("c"));

    private static async Task<string> OpenPoolAsync(HttpClient client)
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        return poolId;
    }

    /// <summary>An attempt of the crowd after sell-out, counted as the reservation route counts it.</summary>
    private static void CountAttempt(BookingApiFactory silo, string poolId) =>
        silo.Services.GetRequiredService<ReservationAttempts>().Record(poolId, RushOutcome.SoldOut);
}
