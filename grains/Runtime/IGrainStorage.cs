namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// Durable storage for one kind of grain. Implemented outside the runtime (the silo's SQL
/// providers); the runtime only knows keys, versions and change lists.
/// </summary>
public interface IGrainStorage<TState, in TChange>
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
