using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.Availability;

/// <summary>
/// A department's open sessions with their committed bookings counted, read from the database
/// (never from the pool grains, whose turns belong to the rush). A pool answers a booking only
/// after its batch commits, so the committed count is what patients were told.
/// </summary>
public interface IOpenSessions
{
    /// <summary>Open pools of <paramref name="departmentId"/> on or after <paramref name="from"/>, released or not.</summary>
    Task<IReadOnlyList<OpenSession>> ListAsync(string departmentId, DateOnly from, CancellationToken cancellationToken);
}

/// <summary>One open pool and how many of its numbers are held.</summary>
public sealed record OpenSession(PoolDefinition Pool, int Booked)
{
    public int Remaining => Math.Max(0, Pool.Quota - Booked);
}
