using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>An admin's change to a live pool; null fields stay as they are.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PoolChangeRequest")]
public sealed record PoolChangeRequest(int? Quota = null, DateTimeOffset? ReleaseAt = null, PoolStatus? Status = null, AllocationChange? Allocation = null);
