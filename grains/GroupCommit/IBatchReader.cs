namespace OrleansBooking.Grains.GroupCommit;

/// <summary>Storage that can load many grains of one kind in one round trip.</summary>
public interface IBatchReader<TState>
{
    /// <summary>The stored state of each key that has any; keys never written are simply absent.</summary>
    Task<IReadOnlyDictionary<string, StoredState<TState>>> ReadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
