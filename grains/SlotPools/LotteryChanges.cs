using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>Before its release the pool was set to draw (with its seed) or to first come, first served (both null).</summary>
public sealed record AllocationChanged(LotteryWindow? Window, LotterySeed? Seed) : SlotPoolChange;

/// <summary>A patient entered the pool's draw during its window.</summary>
public sealed record LotteryEntered(LotteryEntry Entry) : SlotPoolChange;

/// <summary>
/// The draw, with every entry's ticket. The winners' reservations are raised in the same batch, so
/// the draw and the numbers it gave commit together or not at all.
/// </summary>
public sealed record LotteryDrawn(IReadOnlyList<LotteryTicket> Tickets, DateTimeOffset DrawnAt) : SlotPoolChange;

/// <summary>An entrant's <c>lottery_result</c> message for the outbox, raised in the draw's batch.</summary>
public sealed record LotteryResultQueued(LotteryResultNotice Notice) : SlotPoolChange;
