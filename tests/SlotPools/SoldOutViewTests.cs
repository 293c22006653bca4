using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.SlotPools;

/// <summary>The pool's sold-out answer that a silo may give on its behalf, and the silo's copy of it.</summary>
public sealed class SoldOutViewTests
{
    [Fact]
    public async Task ASettledSoldOutPoolsViewAnswersNewcomersButNotItsHoldersOrKnownAttempts()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 2);
        await pool.ReserveAsync(new ReserveRequest("patient-1", "key-1"));
        await pool.ReserveAsync(new ReserveRequest("patient-2", "key-2"));

        var view = await pool.GetSoldOutViewAsync();

        Assert.NotNull(view);
        Assert.True(view.Answers(new ReserveRequest("patient-3", "key-3")));
        Assert.True(view.Answers(new ReserveRequest("patient-3")));
        Assert.False(view.Answers(new ReserveRequest("patient-1", "key-9")));
        Assert.False(view.Answers(new ReserveRequest("patient-9", "key-2")));
        Assert.False(view.Answers(new ReserveRequest("patient-3", AcceptsOffer: true)));
        Assert.Equal(SoldOutView.Lease, view.ValidFor);
    }

    [Fact]
    public async Task APoolWithANumberLeftOrNotYetReleasedHasNoView()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = harness.Pools.GetSlotPool("p1");
        await pool.CreateAsync(PoolHarness.Morning("p1", quota: 1));

        var beforeRelease = await pool.GetSoldOutViewAsync();
        harness.Clock.SetUtcNow(PoolHarness.ReleaseAt);

        Assert.Null(beforeRelease);
        Assert.Null(await pool.GetSoldOutViewAsync());
    }

    [Fact]
    public async Task APoolWithAWriteInFlightHasNoView()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        var held = (ReserveOutcome.Reserved)await pool.ReserveAsync(new ReserveRequest("patient-1"));
        harness.Storage.HoldWrites();
        var cancelling = pool.CancelAsync(held.Reservation.ReservationId, CancellationReason.PatientRequest);
        await harness.Storage.WritesAtGate.WaitAsync();

        var whileWriting = await pool.GetSoldOutViewAsync();
        harness.Storage.ReleaseWrites();
        await cancelling;

        Assert.Null(whileWriting);
        Assert.Null(await pool.GetSoldOutViewAsync());
    }

    [Fact]
    public async Task ThisSilosCopyAnswersUntilThePoolDecidesAChange()
    {
        await using var harness = await PoolHarness.StartAsync();
        var views = harness.Host.Services.GetRequiredService<SoldOutViews>();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        var held = (ReserveOutcome.Reserved)await pool.ReserveAsync(new ReserveRequest("patient-1"));
        var newcomer = new ReserveRequest("patient-2", "key-2");

        Assert.False(views.AnswersSoldOut("li-2026-12-07-am", newcomer));
        await views.RefreshAsync("li-2026-12-07-am", pool);
        var copied = views.AnswersSoldOut("li-2026-12-07-am", newcomer);
        await pool.CancelAsync(held.Reservation.ReservationId, CancellationReason.PatientRequest);

        Assert.True(copied);
        Assert.False(views.AnswersSoldOut("li-2026-12-07-am", newcomer));
        Assert.IsType<ReserveOutcome.Reserved>(await pool.ReserveAsync(newcomer));
    }

    [Fact]
    public async Task ThisSilosCopyEndsWithItsLease()
    {
        await using var harness = await PoolHarness.StartAsync();
        var views = harness.Host.Services.GetRequiredService<SoldOutViews>();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        await pool.ReserveAsync(new ReserveRequest("patient-1"));
        await views.RefreshAsync("li-2026-12-07-am", pool);
        var newcomer = new ReserveRequest("patient-2");

        harness.Clock.Advance(SoldOutView.Lease - TimeSpan.FromMilliseconds(1));
        var justBefore = views.AnswersSoldOut("li-2026-12-07-am", newcomer);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(justBefore);
        Assert.False(views.AnswersSoldOut("li-2026-12-07-am", newcomer));
    }
}
