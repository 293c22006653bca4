using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.Rush;

/// <summary>
/// The pools whose numbers open around now, as committed, read from the database (never from the
/// pool grains, whose turns belong to the rush): the rush board shows them before the first patient
/// taps "book", on whichever silo the board asks.
/// </summary>
public interface IReleasingPools
{
    /// <summary>Every pool whose release instant is in <paramref name="from"/>..<paramref name="to"/> (inclusive), in release order.</summary>
    Task<IReadOnlyList<SlotPoolSnapshot>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
