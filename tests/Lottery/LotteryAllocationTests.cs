using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.SlotPools;

namespace OrleansBooking.Tests.Lottery;

/// <summary>An admin switches a pool to a draw or back before its release; refused once it has reservations or is released.</summary>
public sealed class LotteryAllocationTests
{
    private static readonly LotteryWindow Window = new(LotteryHarness.Window);

    private static async Task<LotteryHarness> FirstComePoolAsync(int quota = 3)
    {
        var harness = await LotteryHarness.StartAsync();
        Assert.IsType<CreatePoolOutcome.Created>(await harness.Pool.CreateAsync(PoolHarness.Morning(LotteryHarness.PoolId, quota)));
        return harness;
    }

    [Fact]
    public async Task AFirstComePoolSwitchedToADrawBeforeItsReleaseGetsASeedAndTakesEntriesAtTheRelease()
    {
        await using var harness = await FirstComePoolAsync();

        var changed = Assert.IsType<ChangePoolOutcome.Changed>(await harness.Pool.ChangeAsync(new PoolChangeRequest(Allocation: new AllocationChange(Window))));
        harness.Clock.SetUtcNow(PoolHarness.ReleaseAt);
        var request = await harness.Pool.ReserveAsync(new ReserveRequest("patient-a", "key-a"));

        Assert.Equal(Window, changed.Pool.Definition.LotteryWindow);
        var switched = Assert.Single(harness.Committed.OfType<AllocationChanged>());
        Assert.Equal(Window, switched.Window);
        Assert.NotNull(switched.Seed);
        Assert.True(request is ReserveOutcome.Entered { Replayed: false }, $"an entry, not {request}");
        await harness.DrawAsync();
        Assert.Equal(switched.Seed, harness.Committed.OfType<AllocationChanged>().Single().Seed);
        Assert.Equal("patient-a", harness.Committed.OfType<ReservationMade>().Single().Reservation.PatientId);
    }

    [Fact]
    public async Task ADrawingPoolSwitchedToFirstComeBeforeItsReleaseBooksAtTheRelease()
    {
        await using var harness = await LotteryHarness.StartAsync();
        Assert.IsType<CreatePoolOutcome.Created>(await harness.Pool.CreateAsync(PoolHarness.Morning(LotteryHarness.PoolId, 3) with { LotteryWindow = Window }));

        Assert.IsType<ChangePoolOutcome.Changed>(await harness.Pool.ChangeAsync(new PoolChangeRequest(Allocation: new AllocationChange(null))));
        harness.Clock.SetUtcNow(PoolHarness.ReleaseAt);

        Assert.IsType<ReserveOutcome.Reserved>(await harness.Pool.ReserveAsync(new ReserveRequest("patient-a")));
        Assert.Equal(new AllocationChanged(null, null), harness.Committed.OfType<AllocationChanged>().Single());
    }

    [Fact]
    public async Task AReleasedPoolCannotSwitchAndNothingIsWritten()
    {
        await using var harness = await FirstComePoolAsync();
        harness.Clock.SetUtcNow(PoolHarness.ReleaseAt);

        var refused = await harness.Pool.ChangeAsync(new PoolChangeRequest(Quota: 5, Allocation: new AllocationChange(Window)));

        Assert.Equal(new ChangePoolOutcome.ReleasePassed(PoolHarness.ReleaseAt), refused);
        Assert.DoesNotContain(harness.Committed, c => c is AllocationChanged or QuotaChanged);
    }

    [Fact]
    public async Task APoolWithReservationsCannotSwitchEvenWhenItsReleaseIsMovedLater()
    {
        await using var harness = await FirstComePoolAsync();
        harness.Clock.SetUtcNow(PoolHarness.ReleaseAt);
        Assert.IsType<ReserveOutcome.Reserved>(await harness.Pool.ReserveAsync(new ReserveRequest("patient-a")));
        Assert.IsType<ChangePoolOutcome.Changed>(await harness.Pool.ChangeAsync(new PoolChangeRequest(ReleaseAt: PoolHarness.ReleaseAt.AddHours(1))));

        var refused = await harness.Pool.ChangeAsync(new PoolChangeRequest(Allocation: new AllocationChange(Window)));

        Assert.Equal(new ChangePoolOutcome.HasReservations(1), refused);
        Assert.DoesNotContain(harness.Committed, c => c is AllocationChanged);
    }
}
