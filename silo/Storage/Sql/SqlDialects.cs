namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>The dialect the storage options name; each store makes its own (on MySQL, with its own connection pool).</summary>
internal static class SqlDialects
{
    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static SqlDialect Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = StorageOptionsValidator.Check(options);
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));
        return StorageOptionsValidator.NormalizedProvider(options) == StorageOptions.MySql
            ? new MySqlDialect(options.ConnectionString!)
            : new SqliteDialect(StorageOptionsValidator.ConnectionStringOrDefault(options));
    }
}
