namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// Where a pool stands. Only <see cref="Open"/>, <see cref="Closed"/> and <see cref="Cancelled"/>
/// are stored; <see cref="Scheduled"/> is an open pool whose release instant has not come yet.
/// </summary>
public enum PoolStatus
{
    Scheduled,
    Open,
    Closed,
    Cancelled,
}
