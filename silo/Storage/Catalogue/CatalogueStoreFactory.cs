using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Catalogue;

/// <summary>Opens the catalogue in the database the storage options name (the same one the pools live in).</summary>
public static class CatalogueStoreFactory
{
    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static ICatalogueStore Create(StorageOptions options, TimeProvider? clock = null)
    {
        var dialect = SqlDialects.Create(options);
        return new SqlCatalogueStore(dialect, clock ?? TimeProvider.System);
    }
}
