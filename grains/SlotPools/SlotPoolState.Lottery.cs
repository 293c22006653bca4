using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>The draw's part of a pool's state: entries and, once drawn, the result.</summary>
public sealed partial class SlotPoolState
{
    public PoolLottery Lottery { get; private set; } = new();

    /// <summary>Puts a stored (or copied) draw in place. The winners' numbers come back with their reservations.</summary>
    public void RestoreLottery(PoolLottery lottery) => Lottery = lottery;

    /// <summary>Every number from 1 to <paramref name="quota"/> nobody holds, ascending: what a draw gives out.</summary>
    public List<int> FreeNumbersUpTo(int quota)
    {
        var free = freeNumbers.Where(n => n <= quota).ToList();
        for (var n = nextNumber; n <= quota; n++) free.Add(n);
        return free;
    }

    private void ApplyLottery(SlotPoolChange change)
    {
        switch (change)
        {
            case LotteryEntered entered:
                Lottery.Enter(entered.Entry);
                break;
            case LotteryDrawn drawn:
                Lottery.RecordDraw(drawn.Tickets, drawn.DrawnAt);
                break;
            case AllocationChanged allocation:
                Definition = RequireDefinition() with { LotteryWindow = allocation.Window, LotterySeed = allocation.Seed };
                break;
        }
    }
}
