using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.SlotPools;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Storage;

/// <summary>A pool's draw on every engine: window, seed, entries and the drawn result read back; a pool is stored as drawn once.</summary>
public abstract partial class SlotPoolStorageContract
{
    private static readonly LotterySeed Seed = LotterySeed.Parse(new string('a', 64))!;

    private static PoolDefinition DrawingPool() => Pool() with { LotteryWindow = new LotteryWindow(TimeSpan.FromMinutes(10)), LotterySeed = Seed };

    [Fact]
    public async Task ADrawsEntriesAndResultReadBackWithTheWinnersReservations()
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(DrawingPool(), Now)], CancellationToken.None);
        var entries = new[] { new LotteryEntry("patient-1", Now.AddSeconds(1), "key-1"), new LotteryEntry("patient-2", Now.AddSeconds(2)) };
        await WriteAsync(1, entries.Select(e => (SlotPoolChange)new LotteryEntered(e)).ToArray());
        var before = await ReadAsync();
        var tickets = new[] { new LotteryTicket("patient-2", 1, 1), new LotteryTicket("patient-1", 2, null) };

        await WriteAsync(2, new LotteryDrawn(tickets, Now.AddMinutes(10)), new ReservationMade(Reservation(1, "patient-2")));

        Assert.Equal(DrawingPool(), before.State.Definition);
        Assert.False(before.State.Lottery.IsDrawn);
        Assert.Equal(entries, before.State.Lottery.Entries.OrderBy(e => e.PatientId));
        var after = (await ReadAsync()).State;
        Assert.Equal(Now.AddMinutes(10), after.Lottery.DrawnAt);
        Assert.Equal(tickets, after.Lottery.Tickets);
        Assert.Equal("patient-2", after.FindActiveReservationOf("patient-2")?.PatientId);
    }

    [Fact]
    public async Task ASecondDrawOfAPoolFailsItsBatchAndWritesNothing()
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(DrawingPool(), Now), new LotteryEntered(new LotteryEntry("patient-1", Now))],
            CancellationToken.None);
        await WriteAsync(1, new LotteryDrawn([new LotteryTicket("patient-1", 1, 1)], Now.AddMinutes(10)), new ReservationMade(Reservation(1, "patient-1")));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            WriteAsync(2, new LotteryDrawn([new LotteryTicket("patient-1", 1, 2)], Now.AddMinutes(11))));

        var stored = await ReadAsync();
        Assert.Equal(2, stored.Version);
        Assert.Equal(Now.AddMinutes(10), stored.State.Lottery.DrawnAt);
    }

    [Fact]
    public async Task ADrawsResultsAreOneOutboxRowPerEntrantInTheDrawsTransaction()
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(DrawingPool(), Now), new LotteryEntered(new LotteryEntry("patient-1", Now)),
            new LotteryEntered(new LotteryEntry("patient-2", Now))], CancellationToken.None);
        var won = Reservation(1, "patient-2");
        var drawnAt = Now.AddMinutes(10);

        await WriteAsync(1,
            new LotteryDrawn([new LotteryTicket("patient-2", 1, 1), new LotteryTicket("patient-1", 2, null)], drawnAt),
            new ReservationMade(won),
            new LotteryResultQueued(new LotteryResultNotice("lottery-pool-1-patient-2", "pool-1", "patient-2", 1, won.VisitTime, won.ReservationId, drawnAt)),
            new LotteryResultQueued(new LotteryResultNotice("lottery-pool-1-patient-1", "pool-1", "patient-1", null, null, null, drawnAt)));

        Assert.Equal(2, await Database.ScalarAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'lottery_result'"));
        var winner = await Database.TextAsync("SELECT payload FROM notifications WHERE notification_id = 'lottery-pool-1-patient-2' AND patient_id = 'patient-2'");
        var loser = await Database.TextAsync("SELECT payload FROM notifications WHERE notification_id = 'lottery-pool-1-patient-1' AND patient_id = 'patient-1'");
        Assert.Contains("\"won\":true", winner);
        Assert.Contains("\"sequenceNumber\":1", winner);
        Assert.Contains($"\"reservationId\":\"{won.ReservationId}\"", winner);
        Assert.Equal("{\"poolId\":\"pool-1\",\"won\":false}", loser);
    }

    [Fact]
    public async Task APoolSwitchedToADrawAndBackReadsBackAsSwitched()
    {
        await Pools.WriteAsync("pool-1", 0, [new PoolCreated(Pool(), Now)], CancellationToken.None);

        await WriteAsync(1, new AllocationChanged(DrawingPool().LotteryWindow, Seed));
        var drawing = (await ReadAsync()).State.Definition;
        await WriteAsync(2, new AllocationChanged(null, null));
        var firstCome = (await ReadAsync()).State.Definition;

        Assert.Equal(DrawingPool(), drawing);
        Assert.Equal(Pool(), firstCome);
    }
}
