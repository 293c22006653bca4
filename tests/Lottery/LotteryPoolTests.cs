using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Lottery;

/// <summary>The draw in the pool grain on the fake clock: entries in the window, the draw at its close once, first come after it.</summary>
public sealed class LotteryPoolTests
{
    private static readonly string[] Entrants = ["patient-a", "patient-b", "patient-c", "patient-d", "patient-e"];

    [Fact]
    public async Task RequestsInTheWindowAreDurableEntriesAndGetNoNumber()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 3);

        await harness.EnterAsync(Entrants);

        Assert.Empty((await harness.Pool.ListReservationsAsync())!);
        Assert.Equal(0, (await harness.Pool.GetSnapshotAsync())!.Booked);
        Assert.Equal(Entrants.Order(), harness.Committed.OfType<LotteryEntered>().Select(e => e.Entry.PatientId).Order());
        Assert.DoesNotContain(harness.Committed, c => c is ReservationMade);
    }

    [Fact]
    public async Task AnotherRequestOfAnEntrantInTheWindowAnswersTheSameEntry()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 3);
        await harness.EnterAsync(["patient-a"]);
        var first = harness.Committed.OfType<LotteryEntered>().Single().Entry;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = Assert.IsType<ReserveOutcome.Entered>(await harness.Pool.ReserveAsync(new ReserveRequest("patient-a", "another-key")));

        Assert.Equal(new ReserveOutcome.Entered(first, LotteryHarness.ClosesAt, Replayed: true), again);
        Assert.Single(harness.Committed.OfType<LotteryEntered>());
    }

    [Fact]
    public async Task TheDrawGivesDistinctNumbersToEntrantsOnlyAsTheStoredSeedRecomputesInOneBatch()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 3);
        await harness.EnterAsync(Entrants);

        await harness.DrawAsync();

        // The draw's batch holds its winners: they are committed by the time the draw is.
        var made = harness.Committed.OfType<ReservationMade>().Select(m => m.Reservation).ToList();
        var expected = LotteryDraw.Draw(harness.StoredSeed, Entrants, [1, 2, 3]).Where(t => t.Won).ToDictionary(t => t.PatientId, t => t.SequenceNumber!.Value);
        Assert.Equal(expected, made.ToDictionary(r => r.PatientId, r => r.SequenceNumber));
        Assert.Equal([1, 2, 3], made.Select(r => r.SequenceNumber).Order());
        Assert.All(made, r => Assert.Contains(r.PatientId, Entrants));
        var tickets = harness.Committed.OfType<LotteryDrawn>().Single().Tickets;
        Assert.Equal(2, tickets.Count(t => !t.Won));
    }

    [Fact]
    public async Task FewerEntrantsThanNumbersAllWinAndTheRestGoFirstComeThenSoldOut()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 3);
        await harness.EnterAsync(["patient-a", "patient-b"]);
        await harness.DrawAsync();
        var won = harness.Committed.OfType<ReservationMade>().Select(m => m.Reservation.SequenceNumber).Order().ToList();

        var newcomer = Assert.IsType<ReserveOutcome.Reserved>(await harness.Pool.ReserveAsync(new ReserveRequest("patient-late")));
        var tooLate = await harness.Pool.ReserveAsync(new ReserveRequest("patient-later"));

        Assert.Equal([1, 2], won);
        Assert.Equal(3, newcomer.Reservation.SequenceNumber);
        Assert.IsType<ReserveOutcome.SoldOut>(tooLate);
    }

    [Fact]
    public async Task ARequestAtTheCloseIsServedOnlyAfterTheDrawAndALoserIsThenSoldOut()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 3);
        await harness.EnterAsync(Entrants);
        harness.Clock.SetUtcNow(LotteryHarness.ClosesAt);

        // Whether or not the timer has drawn yet, the request meets a drawn pool.
        var newcomer = await harness.Pool.ReserveAsync(new ReserveRequest("patient-late"));
        var loser = LotteryDraw.Draw(harness.StoredSeed, Entrants, [1, 2, 3]).First(t => !t.Won).PatientId;

        Assert.IsType<ReserveOutcome.SoldOut>(newcomer);
        Assert.IsType<ReserveOutcome.SoldOut>(await harness.Pool.ReserveAsync(new ReserveRequest(loser)));
        Assert.Single(harness.Committed.OfType<LotteryDrawn>());
    }

    [Fact]
    public async Task APoolDownAtTheCloseDrawsOnActivationAndNeverAgainAfterARestart()
    {
        var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 3);
        await harness.EnterAsync(Entrants);
        var storage = harness.Storage;
        var clock = harness.Clock;
        await harness.DisposeAsync();
        clock.SetUtcNow(LotteryHarness.ClosesAt + TimeSpan.FromMinutes(5));

        var restarted = await LotteryHarness.StartAsync(storage, clock);
        var drawn = storage.Committed(c => c is LotteryDrawn);
        Assert.Equal(0, (await restarted.Pool.GetSnapshotAsync())!.Booked);
        await drawn.WaitAsync(LotteryHarness.Patience);
        var winners = restarted.Committed.OfType<ReservationMade>().Select(m => (m.Reservation.PatientId, m.Reservation.SequenceNumber)).Order().ToList();
        await restarted.DisposeAsync();

        await using var again = await LotteryHarness.StartAsync(storage, clock);
        Assert.IsType<ReserveOutcome.SoldOut>(await again.Pool.ReserveAsync(new ReserveRequest("patient-late")));

        Assert.Single(again.Committed.OfType<LotteryDrawn>());
        Assert.Equal(3, winners.Count);
        Assert.Equal(winners, again.Committed.OfType<ReservationMade>().Select(m => (m.Reservation.PatientId, m.Reservation.SequenceNumber)).Order().ToList());
        Assert.Equal(3, (await again.Pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task AWinnersRetryWithItsEntrysKeyIsAnsweredWithTheNumberWon()
    {
        await using var harness = await LotteryHarness.StartAsync();
        await harness.CreateOpenWindowAsync(quota: 1);
        await harness.EnterAsync(Entrants);
        await harness.DrawAsync();
        var winner = harness.Committed.OfType<ReservationMade>().Single().Reservation;

        var retry = await harness.Pool.ReserveAsync(new ReserveRequest(winner.PatientId, $"key-{winner.PatientId}"));

        Assert.Equal(new ReserveOutcome.Reserved(winner, Replayed: true), retry);
    }
}
