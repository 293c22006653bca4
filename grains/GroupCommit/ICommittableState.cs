namespace OrleansBooking.Grains.GroupCommit;

/// <summary>
/// The in-memory state of a grain that commits in groups. State changes only through
/// <see cref="Apply"/>, so the change list that mutates memory is exactly what storage writes:
/// memory and disk cannot drift. <see cref="Copy"/> lets <see cref="GroupCommit{TState, TChange}"/>
/// keep the last committed state beside the decided one, and fall back to it at once when a
/// write fails.
/// </summary>
public interface ICommittableState<TSelf, in TChange>
    where TSelf : ICommittableState<TSelf, TChange>
{
    void Apply(TChange change);

    /// <summary>An independent copy: applying changes to one never shows in the other.</summary>
    TSelf Copy();
}
