using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage;

/// <summary>
/// One database, whatever the engine: the storage the grains write through, the read
/// models the API queries, schema migration and a health probe.
/// </summary>
public interface IBookingStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "mysql".</summary>
    string Engine { get; }

    IChangeStorage<SlotPoolState, SlotPoolChange> SlotPools { get; }

    IReservationIndex Reservations { get; }

    /// <summary>Creates or upgrades the schema to the newest version; safe to run from several silos at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The schema version recorded in the database (0 when none).</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers a trivial query.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The conventional engine, kept for the side-by-side benchmark: every call is its own
    /// transaction that locks the pool row, the way a typical booking system works.
    /// </summary>
    ISlotPoolGrainFactory CreateConventionalEngine(TimeProvider clock, SlotPoolRules rules, DoctorsDayOptions? doctorsDay = null);
}
