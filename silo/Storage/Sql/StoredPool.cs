using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>A <c>pools</c> row: the pool as defined now (current quota and release), its stored status and version.</summary>
internal sealed record StoredPool(PoolDefinition Definition, PoolStatus Status, DateTimeOffset CreatedAt, long Version);
