namespace OrleansBooking.Grains.SlotPools;

[GenerateSerializer, Immutable, Alias("OrleansBooking.CreatePoolOutcome")]
public abstract record CreatePoolOutcome
{
    [GenerateSerializer, Immutable, Alias("OrleansBooking.CreatePoolOutcome.Created")]
    public sealed record Created(SlotPoolSnapshot Pool) : CreatePoolOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.CreatePoolOutcome.PoolExists")]
    public sealed record PoolExists(SlotPoolSnapshot Pool) : CreatePoolOutcome;
}
