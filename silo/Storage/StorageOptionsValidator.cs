using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace OrleansBooking.Silo.Storage;

/// <summary>Rejects storage configuration that cannot work, at start-up, with messages naming the option.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string ProviderKey = $"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}";
    private const string ConnectionStringKey = $"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(StorageOptions options)
    {
        var provider = NormalizedProvider(options);
        if (provider is not (StorageOptions.Sqlite or StorageOptions.MySql))
            return [$"{ProviderKey} '{options.Provider}' is not supported: use '{StorageOptions.Sqlite}' (the default) or '{StorageOptions.MySql}'."];

        if (provider == StorageOptions.MySql && string.IsNullOrWhiteSpace(options.ConnectionString))
            return [$"{ConnectionStringKey} is required when {ProviderKey} is '{StorageOptions.MySql}' (e.g. \"Server=db;Database=booking;User ID=booking;Password=…\")."];

        try
        {
            _ = provider == StorageOptions.MySql
                ? new MySqlConnectionStringBuilder(options.ConnectionString!).ConnectionString
                : new SqliteConnectionStringBuilder(ConnectionStringOrDefault(options)).ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"{ConnectionStringKey} is not a valid {provider} connection string: {e.Message}"];
        }
        return [];
    }

    internal static string NormalizedProvider(StorageOptions options) => (options.Provider ?? "").Trim().ToLowerInvariant();

    internal static string ConnectionStringOrDefault(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString) ? StorageOptions.DefaultSqliteConnectionString : options.ConnectionString;
}
