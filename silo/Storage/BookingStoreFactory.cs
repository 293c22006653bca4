using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage;

/// <summary>Opens the database the configuration names.</summary>
public static class BookingStoreFactory
{
    /// <summary>
    /// The store for <paramref name="options"/>: SQLite (default; the file need not exist) or MySQL.
    /// Connects to nothing yet; call <see cref="IBookingStore.MigrateAsync"/> at start-up.
    /// </summary>
    /// <param name="clock">Stamps <c>updated_at</c> and <c>schema_version.applied_at</c>; default the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static IBookingStore Create(StorageOptions options, TimeProvider? clock = null)
    {
        var dialect = SqlDialects.Create(options);
        return new BookingStore(dialect, clock ?? TimeProvider.System);
    }
}
