using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Hosting.DoctorsDay;

/// <summary>Pools the no-show sweep should look at (a read of committed rows; the pool grain decides).</summary>
public interface ISessionsToSweep
{
    /// <summary>Pools with visit day on or before <paramref name="throughDate"/> that are still open or have a patient still only booked.</summary>
    Task<IReadOnlyList<PoolDefinition>> FindAsync(DateOnly throughDate, CancellationToken cancellationToken);
}
