using OrleansBooking.Grains.Payments;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.SlotPools;

namespace OrleansBooking.Tests.Payment;

/// <summary>Holds in the pool grain on the fake clock: quota while held, expiry once, the last millisecond.</summary>
public sealed class HoldTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(PaymentRules.DefaultHoldMinutes);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AHoldIsPendingPaymentWithItsExpiryAndTheFeeInFen()
    {
        await using var harness = await HoldHarness.StartAsync();
        await harness.CreatePoolAsync();

        var hold = await harness.HoldAsync("patient-1");

        Assert.Equal(ReservationStatus.PendingPayment, hold.Status);
        Assert.Equal(PoolHarness.ReleaseAt + Hold, hold.HoldExpiresAt);
        Assert.Equal(HoldHarness.FeeFen, hold.FeeFen);
        Assert.Null(hold.PaidAt);
        var notice = Assert.Single(harness.Storage.Inner.CommittedChanges(HoldHarness.PoolId).OfType<PaymentNoticeQueued>()).Notice;
        Assert.Equal((PaymentNotice.Due, hold.ReservationId, HoldHarness.FeeFen), (notice.Kind, notice.ReservationId, notice.FeeFen));
    }

    [Fact]
    public async Task AHoldTakesTheQuotaUntilItExpiresThenTheNumberIsFreeAgain()
    {
        await using var harness = await HoldHarness.StartAsync();
        var pool = await harness.CreatePoolAsync(quota: 1);
        var hold = await harness.HoldAsync("patient-1");
        Assert.IsType<ReserveOutcome.SoldOut>(await pool.ReserveAsync(new ReserveRequest("patient-2")));

        harness.Clock.Advance(Hold - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ReservationStatus.PendingPayment, (await pool.GetReservationAsync(hold.ReservationId))!.Status);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        // The grain timer expires it on the grain clock; waiting for the committed expiry is the event itself.
        await harness.Storage.Expired(hold.ReservationId).WaitAsync(Patience);

        var expired = (await pool.GetReservationAsync(hold.ReservationId))!;
        Assert.Equal((ReservationStatus.Cancelled, CancellationReason.PaymentExpired), (expired.Status, expired.CancellationReason));
        Assert.Equal(0, (await pool.GetSnapshotAsync())!.Booked);
        var next = Assert.IsType<ReserveOutcome.Reserved>(await pool.ReserveAsync(new ReserveRequest("patient-2")));
        Assert.Equal(hold.SequenceNumber, next.Reservation.SequenceNumber);
        Assert.Contains(harness.Storage.Inner.CommittedChanges(HoldHarness.PoolId).OfType<PaymentNoticeQueued>(),
            n => n.Notice.Kind == PaymentNotice.Expired && n.Notice.ReservationId == hold.ReservationId);
        Assert.Equal(1, harness.Storage.ExpiryWrites(hold.ReservationId));
    }

    [Fact]
    public async Task PayingAtTheLastMillisecondWinsAndARepeatAnswersTheSame()
    {
        await using var harness = await HoldHarness.StartAsync();
        var pool = await harness.CreatePoolAsync();
        var hold = await harness.HoldAsync("patient-1");

        harness.Clock.Advance(Hold - TimeSpan.FromMilliseconds(1));
        var paid = Assert.IsType<PayHoldOutcome.Booked>(await pool.PayHoldAsync(hold.ReservationId, HoldHarness.FeeFen));
        harness.Clock.Advance(Hold);
        var repeated = Assert.IsType<PayHoldOutcome.Booked>(await pool.PayHoldAsync(hold.ReservationId, HoldHarness.FeeFen));

        Assert.False(paid.Repeated);
        Assert.True(repeated.Repeated);
        Assert.Equal(ReservationStatus.Booked, paid.Reservation.Status);
        Assert.Equal(PoolHarness.ReleaseAt + Hold - TimeSpan.FromMilliseconds(1), paid.Reservation.PaidAt);
        Assert.Equal(paid.Reservation, await pool.GetReservationAsync(hold.ReservationId));
        Assert.Equal(0, harness.Storage.ExpiryWrites(hold.ReservationId));
    }

    [Fact]
    public async Task PayingAtTheExpiryInstantIsTooLateEvenBeforeTheTimerRuns()
    {
        await using var harness = await HoldHarness.StartAsync();
        var pool = await harness.CreatePoolAsync();
        var hold = await harness.HoldAsync("patient-1");
        // SetUtcNow fires due timers too, but the payment and the timer are decided one at a time
        // by the grain: whichever comes first, the answer is the same expiry, written once.
        harness.Clock.SetUtcNow(hold.HoldExpiresAt!.Value);

        var late = Assert.IsType<PayHoldOutcome.HoldExpired>(await pool.PayHoldAsync(hold.ReservationId, HoldHarness.FeeFen));
        await harness.Storage.Expired(hold.ReservationId).WaitAsync(Patience);
        var again = Assert.IsType<PayHoldOutcome.HoldExpired>(await pool.PayHoldAsync(hold.ReservationId, HoldHarness.FeeFen));

        Assert.Equal(CancellationReason.PaymentExpired, late.Reservation.CancellationReason);
        Assert.Equal(late.Reservation, again.Reservation);
        Assert.Equal(1, harness.Storage.ExpiryWrites(hold.ReservationId));
    }

    [Fact]
    public async Task AHoldStoredBeforeASiloRestartExpiresOnceOnTheNextSilo()
    {
        var first = await HoldHarness.StartAsync();
        await first.CreatePoolAsync();
        var hold = await first.HoldAsync("patient-1");
        var storage = first.Storage;
        var clock = first.Clock;
        clock.Advance(TimeSpan.FromMinutes(5));
        await first.DisposeAsync();

        await using var second = await HoldHarness.StartAsync(storage: storage, clock: clock);
        // The new activation re-arms its timer from the stored hold.
        Assert.Equal(ReservationStatus.PendingPayment, (await second.Pool.GetReservationAsync(hold.ReservationId))!.Status);
        clock.Advance(TimeSpan.FromMinutes(10));
        await storage.Expired(hold.ReservationId).WaitAsync(Patience);

        // The storage signals inside the write; the grain shows the write as committed just after it returns.
        Assert.Equal(CancellationReason.PaymentExpired, (await CommittedExpiryAsync(second.Pool, hold.ReservationId)).CancellationReason);
        Assert.Empty(await second.Pool.ExpireDueHoldsAsync());
        Assert.Equal(1, storage.ExpiryWrites(hold.ReservationId));
    }

    [Fact]
    public async Task AHoldWhoseTimeRanOutWhileNoSiloRanExpiresWhenThePoolActivates()
    {
        var first = await HoldHarness.StartAsync();
        await first.CreatePoolAsync();
        var hold = await first.HoldAsync("patient-1");
        await first.DisposeAsync();
        first.Clock.Advance(TimeSpan.FromHours(1));

        await using var second = await HoldHarness.StartAsync(storage: first.Storage, clock: first.Clock);
        var expired = await second.Pool.ExpireDueHoldsAsync();

        Assert.Equal(hold.ReservationId, Assert.Single(expired).ReservationId);
        Assert.Equal(1, first.Storage.ExpiryWrites(hold.ReservationId));
    }

    [Fact]
    public async Task AWrongAmountChangesNothing()
    {
        await using var harness = await HoldHarness.StartAsync();
        var pool = await harness.CreatePoolAsync();
        var hold = await harness.HoldAsync("patient-1");

        var mismatch = Assert.IsType<PayHoldOutcome.AmountMismatch>(await pool.PayHoldAsync(hold.ReservationId, HoldHarness.FeeFen - 1));

        Assert.Equal(HoldHarness.FeeFen, mismatch.ExpectedFen);
        Assert.Equal(hold, await pool.GetReservationAsync(hold.ReservationId));
    }

    [Fact]
    public async Task APaymentAfterTheHoldWasCancelledIsNotPayable()
    {
        await using var harness = await HoldHarness.StartAsync();
        var pool = await harness.CreatePoolAsync();
        var hold = await harness.HoldAsync("patient-1");

        // Cancel and pay race to the grain; cancel first, so the payment must be refunded.
        var cancel = pool.CancelAsync(hold.ReservationId, CancellationReason.PatientRequest);
        var pay = pool.PayHoldAsync(hold.ReservationId, HoldHarness.FeeFen);
        var (cancelled, paid) = (await cancel, await pay);

        Assert.IsType<CancelOutcome.Cancelled>(cancelled);
        Assert.IsType<PayHoldOutcome.NotPayable>(paid);
        Assert.Equal(ReservationStatus.Cancelled, (await pool.GetReservationAsync(hold.ReservationId))!.Status);
    }

    [Fact]
    public async Task PaymentAndExpiryRacingDecideOneWinner()
    {
        await using var harness = await HoldHarness.StartAsync();
        var pool = await harness.CreatePoolAsync();
        var holds = new List<Reservation>();
        for (var p = 1; p <= 20; p++) holds.Add(await harness.HoldAsync($"patient-{p}"));

        harness.Clock.Advance(Hold);
        var payments = await Task.WhenAll(holds.Select(h => pool.PayHoldAsync(h.ReservationId, HoldHarness.FeeFen)));

        Assert.All(payments, p => Assert.IsType<PayHoldOutcome.HoldExpired>(p));
        Assert.All(holds, h => Assert.Equal(1, harness.Storage.ExpiryWrites(h.ReservationId)));
        Assert.Equal(0, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task ADepartmentMayOverrideTheModeAndAFreeSessionIsBookedAtOnce()
    {
        var rules = new PaymentRules { Mode = PaymentRules.None, DepartmentModes = { ["cardiology"] = PaymentRules.AtBooking } };
        await using var harness = await HoldHarness.StartAsync(rules);

        await harness.CreatePoolAsync(departmentId: "cardiology");
        Assert.Equal(ReservationStatus.PendingPayment, (await harness.HoldAsync("patient-1")).Status);

        var other = harness.Host.Pools.GetSlotPool("other");
        Assert.IsType<CreatePoolOutcome.Created>(await other.CreateAsync(PoolHarness.Morning("other") with { DepartmentId = "dermatology" }));
        var booked = Assert.IsType<ReserveOutcome.Reserved>(await other.ReserveAsync(new ReserveRequest("patient-1"))).Reservation;
        Assert.Equal((ReservationStatus.Booked, (long?)null), (booked.Status, booked.FeeFen));

        var free = harness.Host.Pools.GetSlotPool("free");
        Assert.IsType<CreatePoolOutcome.Created>(await free.CreateAsync(PoolHarness.Morning("free") with { DepartmentId = "cardiology", Fee = 0m }));
        Assert.Equal(ReservationStatus.Booked, Assert.IsType<ReserveOutcome.Reserved>(await free.ReserveAsync(new ReserveRequest("patient-1"))).Reservation.Status);
    }

    [Fact]
    public async Task AFeeChangedAfterTheHoldDoesNotAlterIt()
    {
        await using var harness = await HoldHarness.StartAsync();
        await harness.CreatePoolAsync(fee: 12.34m);

        var hold = await harness.HoldAsync("patient-1");

        Assert.Equal(1234, hold.FeeFen);
        Assert.Equal(1234, (await harness.Pool.GetReservationAsync(hold.ReservationId))!.FeeFen);
    }

    [Fact]
    public void BadPaymentRulesAreRefusedNamingTheSetting()
    {
        var errors = new PaymentRules { Mode = "sometimes", HoldMinutes = 0, DepartmentModes = { ["x"] = "maybe" } }.Validate();

        Assert.Contains(errors, e => e.StartsWith("Booking:Payment:Mode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Booking:Payment:HoldMinutes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Booking:Payment:DepartmentModes:x", StringComparison.Ordinal));
        Assert.Empty(new PaymentRules().Validate());
    }

    /// <summary>The reservation once the pool's committed view shows it cancelled, polled until <see cref="Patience"/> runs out.</summary>
    private static async Task<Reservation> CommittedExpiryAsync(ISlotPoolGrain pool, string reservationId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var reservation = (await pool.GetReservationAsync(reservationId))!;
            if (reservation.Status == ReservationStatus.Cancelled || DateTime.UtcNow > deadline) return reservation;
            await Task.Delay(TimeSpan.FromMilliseconds(5)); // real time: the commit finishing, not the grain clock
        }
    }
}
