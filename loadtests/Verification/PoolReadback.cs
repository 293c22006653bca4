using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Verification;

/// <summary>
/// A pool as read back from the service after the run: its snapshot and every reservation it
/// holds (all statuses). Null members mean the read failed.
/// </summary>
public sealed record PoolReadback(string PoolId, PoolSnapshot? Snapshot, IReadOnlyList<Reservation>? Reservations, string? Date = null);
