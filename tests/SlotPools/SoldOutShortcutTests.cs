using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.SlotPools;

public sealed class SoldOutShortcutTests
{
    [Fact]
    public async Task ASettledSoldOutPoolAnswersANewcomerWithoutDeciding()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        await pool.ReserveAsync(new ReserveRequest("patient-1", "key-1"));

        Assert.IsType<ReserveOutcome.SoldOut>(await pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-2", "key-2")));
    }

    [Fact]
    public async Task TheHolderAndAKnownIdempotencyKeyStillGetTheirOwnAnswers()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        var first = (ReserveOutcome.Reserved)await pool.ReserveAsync(new ReserveRequest("patient-1", "key-1"));

        Assert.Null(await pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-1")));
        Assert.Null(await pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-1", "key-1")));
        Assert.Equal(new ReserveOutcome.Reserved(first.Reservation, Replayed: true), await pool.ReserveAsync(new ReserveRequest("patient-1", "key-1")));
    }

    [Fact]
    public async Task APoolWithANumberFreeOrNotYetReleasedNeedsADecision()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = harness.Pools.GetSlotPool("p1");
        await pool.CreateAsync(PoolHarness.Morning("p1", quota: 1));

        var beforeRelease = await pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-1"));
        harness.Clock.SetUtcNow(PoolHarness.ReleaseAt);
        var released = await pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-1"));

        Assert.Null(beforeRelease);
        Assert.Null(released);
    }

    [Fact]
    public async Task ACancellationBeingWrittenMeansTheShortcutDoesNotAnswer()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        var held = (ReserveOutcome.Reserved)await pool.ReserveAsync(new ReserveRequest("patient-1"));
        harness.Storage.HoldWrites();
        var cancelling = pool.CancelAsync(held.Reservation.ReservationId, CancellationReason.PatientRequest);
        await harness.Storage.WritesAtGate.WaitAsync();

        var whileWriting = await pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-2"));
        harness.Storage.ReleaseWrites();
        await cancelling;

        Assert.Null(whileWriting);
        Assert.Null(await pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-2")));
        Assert.IsType<ReserveOutcome.Reserved>(await pool.ReserveAsync(new ReserveRequest("patient-2")));
    }

    [Fact]
    public async Task ANewcomerWhileTheLastNumberIsBeingWrittenIsToldSoldOutOnceItCommits()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        harness.Storage.HoldWrites();
        var reserving = pool.ReserveAsync(new ReserveRequest("patient-1", "key-1"));
        await harness.Storage.WritesAtGate.WaitAsync();

        var begun = harness.Host.CallsBegun.NextAsync(nameof(ISlotPoolGrain.AnswerIfSoldOutAsync));
        var answering = pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-2", "key-2"));
        await begun;
        harness.Storage.ReleaseWrites();

        Assert.IsType<ReserveOutcome.Reserved>(await reserving);
        Assert.IsType<ReserveOutcome.SoldOut>(await answering);
        Assert.Single((await pool.ListReservationsAsync())!);
    }

    [Fact]
    public async Task ANewcomerWaitingOnAWriteThatFailsIsSentToThePoolToDecide()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        harness.Storage.HoldWrites();
        harness.Storage.FailNextWrite(new InvalidOperationException("disk full"));
        var reserving = pool.ReserveAsync(new ReserveRequest("patient-1", "key-1"));
        await harness.Storage.WritesAtGate.WaitAsync();

        var begun = harness.Host.CallsBegun.NextAsync(nameof(ISlotPoolGrain.AnswerIfSoldOutAsync));
        var answering = pool.AnswerIfSoldOutAsync(new ReserveRequest("patient-2", "key-2"));
        await begun;
        harness.Storage.ReleaseWrites();

        await Assert.ThrowsAsync<GrainStorageException>(() => reserving);
        Assert.Null(await answering);
        Assert.IsType<ReserveOutcome.Reserved>(await pool.ReserveAsync(new ReserveRequest("patient-2", "key-2")));
    }
}
