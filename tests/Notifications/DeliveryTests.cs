using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Tests.Api;
using static OrleansBooking.Tests.Notifications.ScriptedSender;

namespace OrleansBooking.Tests.Notifications;

/// <summary>Delivery of the outbox through a sender that fails, recovers, or loses its answers; across a restart; and giving up.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task ASenderThatFailsAndRecoversDeliversEveryConfirmationOnceAfterItsBackOff()
    {
        var sender = new ScriptedSender { Behaviour = _ => Mode.Fail };
        await using var silo = NotificationSilo.Create(sender);
        using var client = silo.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var reservations = new List<string>();
        for (var i = 0; i < 5; i++) reservations.Add((await client.ReserveOkAsync(poolId, $"pt-recover-{i}-{poolId}")).Str("reservationId"));

        var failed = await silo.DispatchAsync();
        sender.Behaviour = _ => Mode.Deliver;
        var tooEarly = await silo.DispatchAsync();
        silo.Clock.Advance(TimeSpan.FromSeconds(1));
        var recovered = await silo.DispatchAsync();
        var afterwards = await silo.DispatchAsync();

        Assert.Equal((5, 0), (failed.Failed, failed.Sent));
        Assert.Equal(0, tooEarly.Sent + tooEarly.Failed);
        Assert.Equal(5, recovered.Sent);
        Assert.Equal(0, afterwards.Sent + afterwards.Failed);
        Assert.Equal(reservations.Select(r => "booked-" + r).Order(), sender.Received.Select(n => n.NotificationId).Order());
        Assert.Equal(5, await silo.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'booking_confirmed' AND sent_at IS NOT NULL AND attempts = 2"));
    }

    [Fact]
    public async Task AMessageWhoseAnswerWasLostIsSentAgainWithTheSameIdempotencyKey()
    {
        var sender = new ScriptedSender { Behaviour = _ => Mode.DeliverThenFail };
        await using var silo = NotificationSilo.Create(sender);
        using var client = silo.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        var reservationId = (await client.ReserveOkAsync(poolId, "pt-lost-" + poolId)).Str("reservationId");

        await silo.DispatchAsync();
        sender.Behaviour = _ => Mode.Deliver;
        silo.Clock.Advance(TimeSpan.FromSeconds(1));
        await silo.DispatchAsync();

        // At least once: the gateway saw it twice, under one key, so it keeps one.
        Assert.Equal(["booked-" + reservationId, "booked-" + reservationId], sender.Received.Select(n => n.NotificationId));
        Assert.Single(sender.Distinct());
    }

    [Fact]
    public async Task ARestartMidDeliveryLosesNothingAndSendsNothingTwice()
    {
        var database = Path.Combine(Path.GetTempPath(), $"orleansbooking-restart-{Guid.NewGuid():N}.db");
        var before = new ScriptedSender();
        var after = new ScriptedSender();
        var delivered = 0;
        // The first silo's gateway takes two messages, then the silo is stopped with the rest still queued.
        before.Behaviour = _ => Interlocked.Increment(ref delivered) <= 2 ? Mode.Deliver : Mode.Fail;
        var reservations = new List<string>();
        try
        {
            await using (var first = NotificationSilo.Create(before, database))
            {
                using var client = first.CreateClient();
                var poolId = ApiCalls.NewPoolId();
                await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
                for (var i = 0; i < 6; i++) reservations.Add((await client.ReserveOkAsync(poolId, $"pt-restart-{i}-{poolId}")).Str("reservationId"));
                await first.DispatchAsync();
            }

            await using var second = NotificationSilo.Create(after, database);
            using (second.CreateClient()) { }
            second.Clock.Advance(TimeSpan.FromSeconds(1));
            await second.DispatchAsync();

            var all = before.Received.Concat(after.Received).Select(n => n.NotificationId).ToList();
            Assert.Equal(reservations.Select(r => "booked-" + r).Order(), all.Order());
            Assert.Equal((2, 4), (before.Received.Count, after.Received.Count));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    [Fact]
    public async Task ASenderThatKeepsFailingIsGivenUpOnAfterTheLastAttemptAndReportedDegradedAndInTheMetrics()
    {
        var sender = new ScriptedSender { Behaviour = _ => Mode.Fail };
        await using var silo = NotificationSilo.Create(sender);
        using var client = silo.CreateClient();
        using var anonymous = silo.CreateAnonymousClient();
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        await client.ReserveOkAsync(poolId, "pt-dead-" + poolId);
        using var metrics = new CountedInstruments(NotificationMetrics.MeterName, silo.Services.GetRequiredService<IMeterFactory>());

        using (var healthy = await anonymous.GetAsync("/health/ready"))
            Assert.Equal("Healthy", (await ReadinessAsync(healthy)).Str("status"));
        // Attempts 1..4 with waits of 1, 2 and 4 seconds between them (doubling, capped at 4).
        foreach (var wait in new[] { 0, 1, 2, 4 })
        {
            silo.Clock.Advance(TimeSpan.FromSeconds(wait));
            await silo.DispatchAsync();
        }
        silo.Clock.Advance(TimeSpan.FromMinutes(10));
        var afterGivingUp = await silo.DispatchAsync();

        Assert.Equal(4, sender.Calls);
        Assert.Equal(0, afterGivingUp.Failed + afterGivingUp.Sent);
        Assert.Equal(1, await silo.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'booking_confirmed' AND dead_at IS NOT NULL AND attempts = 4 AND sent_at IS NULL"));
        using var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readiness = await ReadinessAsync(ready);
        Assert.Equal("Degraded", readiness.Str("status"));
        Assert.Equal("Degraded", readiness.GetProperty("checks").GetProperty("notifications").Str("status"));
        Assert.Equal(4, metrics.Total("booking.notifications.failed"));
        Assert.Equal(1, metrics.Total("booking.notifications.dead"));
    }

    /// <summary>/health/ready's JSON: the overall status and one entry per check.</summary>
    private static async Task<System.Text.Json.JsonElement> ReadinessAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(8, 600)]
    [InlineData(60, 600)]
    public void TheWaitDoublesAfterEachFailureUpToTheLongest(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), NotificationDispatcher.RetryDelay(failures, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)));

    /// <summary>Sums each counter of one meter as it is recorded, of this silo only (its meter factory is the meter's scope).</summary>
    private sealed class CountedInstruments : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> totals = new();

        public CountedInstruments(string meterName, IMeterFactory silo)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, silo)) l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
            listener.Start();
        }

        public long Total(string instrument) => totals.GetValueOrDefault(instrument);

        public void Dispose() => listener.Dispose();
    }
}
