namespace OrleansBooking.Grains.GroupCommit;

/// <summary>
/// Durable storage for one kind of grain that writes change lists. Implemented outside the grains
/// (the silo's SQL providers); the grains only know keys, versions and changes.
/// </summary>
public interface IChangeStorage<TState, in TChange>
{
    /// <summary>The stored state and its version, or null when nothing was ever written for the key.</summary>
    Task<StoredState<TState>?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one batch of changes atomically. Succeeds only if the stored version still equals
    /// <paramref name="expectedVersion"/> (0 = nothing stored yet); the stored version becomes
    /// <c>expectedVersion + 1</c>. Throws <see cref="StorageVersionConflictException"/> on a mismatch.
    /// </summary>
    Task WriteAsync(string key, long expectedVersion, IReadOnlyList<TChange> changes, CancellationToken cancellationToken);
}

public sealed record StoredState<TState>(TState State, long Version);
