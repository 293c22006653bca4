namespace OrleansBooking.Silo.Storage;

/// <summary>Which database holds the truth. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "sqlite";
    public const string MySql = "mysql";
    public const string DefaultProvider = Sqlite;
    public const string DefaultSqliteConnectionString = "Data Source=orleansbooking.db";

    /// <summary>"sqlite" (embedded, the default) or "mysql" (MySQL 8 / MariaDB 10.11+).</summary>
    public string Provider { get; set; } = DefaultProvider;

    /// <summary>ADO.NET connection string. Default for SQLite: a file in the working directory; required for MySQL.</summary>
    public string? ConnectionString { get; set; }
}
