namespace OrleansBooking.Grains.Runtime;

/// <summary>What a grain reference needs of an activation, whatever its state and change types.</summary>
internal interface IActivation<TGrain>
{
    string Name { get; }
    bool IsLoaded { get; }
    bool IsSettled { get; }
    TGrain Grain { get; }
    DateTimeOffset LastUsed { get; }
    bool TryPost(Turn<TGrain> turn, bool bypassCapacity = false);
    void MarkUsed();
    Task<bool> TryDeactivateIfIdleAsync(DateTimeOffset idleSince);
    Task DrainAsync();
}
