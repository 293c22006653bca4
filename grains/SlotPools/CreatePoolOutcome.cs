namespace OrleansBooking.Grains.SlotPools;

public abstract record CreatePoolOutcome
{
    public sealed record Created(SlotPoolSnapshot Pool) : CreatePoolOutcome;

    public sealed record PoolExists(SlotPoolSnapshot Pool) : CreatePoolOutcome;
}
