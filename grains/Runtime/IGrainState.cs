namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// The in-memory state of one grain. State changes only through <see cref="Apply"/>, so the
/// same change list that mutates memory is what storage writes: memory and disk cannot drift.
/// </summary>
public interface IGrainState<in TChange>
{
    void Apply(TChange change);
}
