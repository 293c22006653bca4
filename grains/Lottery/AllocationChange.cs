namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// An admin's switch of how a pool gives its numbers: by a draw with <paramref name="Window"/>, or
/// first come, first served when it is null. Only before the release, and only while no reservation
/// exists: a draw cannot be fair to numbers already given, nor undo entries made.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.AllocationChange")]
public sealed record AllocationChange(LotteryWindow? Window);
