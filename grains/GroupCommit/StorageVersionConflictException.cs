namespace OrleansBooking.Grains.GroupCommit;

/// <summary>Thrown by storage when another activation wrote since this one loaded (Orleans' ETag mismatch).</summary>
public sealed class StorageVersionConflictException(string key, long expectedVersion)
    : Exception($"Stored version of '{key}' is no longer {expectedVersion}: another activation wrote it.")
{
    public string Key { get; } = key;
    public long ExpectedVersion { get; } = expectedVersion;
}
