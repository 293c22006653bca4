namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// A change to a pool, as data: applied to memory by <see cref="SlotPoolState"/>, written to the
/// database by the storage provider. Each is a fact that already passed every check.
/// </summary>
public abstract record SlotPoolChange;

public sealed record PoolCreated(PoolDefinition Definition, DateTimeOffset CreatedAt) : SlotPoolChange;

public sealed record ReservationMade(Reservation Reservation) : SlotPoolChange;

public sealed record ReservationCancelled(string ReservationId, CancellationReason Reason, DateTimeOffset CancelledAt) : SlotPoolChange;

public sealed record QuotaChanged(int Quota) : SlotPoolChange;

public sealed record ReleaseRescheduled(DateTimeOffset ReleaseAt) : SlotPoolChange;

/// <summary>Closed, reopened, or cancelled (stop-clinic). Only Open, Closed and Cancelled are stored.</summary>
public sealed record PoolStatusChanged(PoolStatus Status) : SlotPoolChange;
