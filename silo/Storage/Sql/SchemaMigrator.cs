using System.Data.Common;
using System.Reflection;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// Brings a database to the newest schema from the versioned scripts embedded under
/// <c>Storage/Migrations/{engine}/NNNN_name.sql</c>, recording each applied version in
/// <c>schema_version</c>. Several silos may start at once: the dialect's lock lets one migrate
/// while the others wait and then find nothing left to do.
/// </summary>
internal sealed class SchemaMigrator(SqlDialect dialect, TimeProvider clock)
{
    private const string ResourcePrefix = "OrleansBooking.Silo.Storage.Migrations.";

    /// <summary>The scripts of this engine, lowest version first.</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; } = LoadScripts(dialect.ScriptFolder);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var migrationLock = await dialect.EnterMigrationAsync(connection, cancellationToken);

        await using (var create = connection.CreateCommand())
        {
            create.CommandText = dialect.CreateSchemaVersionTable;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT version FROM schema_version";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
        }

        foreach (var script in Scripts.Where(s => !applied.Contains(s.Version)))
        {
            foreach (var commandText in dialect.ScriptCommands(script.Sql))
            {
                await using var run = connection.CreateCommand();
                run.CommandText = commandText;
                await run.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_version (version, script, applied_at) VALUES (@version, @script, @at)";
            SlotPoolRows.Bind(record, "version", script.Version);
            SlotPoolRows.Bind(record, "script", script.Name);
            SlotPoolRows.Bind(record, "at", dialect.Instant(clock.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await migrationLock.CompleteAsync(cancellationToken);
    }

    public async Task<int> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        if (!await SchemaVersionTableExistsAsync(connection, cancellationToken)) return 0;
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken));
    }

    private async Task<bool> SchemaVersionTableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = dialect.CountTablesNamed;
        SlotPoolRows.Bind(exists, "table", "schema_version");
        return Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    private static List<MigrationScript> LoadScripts(string folder)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = ResourcePrefix + folder + ".";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..]))
            .OrderBy(script => script.Version)
            .ToList();
        if (scripts.Count == 0) throw new InvalidOperationException($"No migration scripts are embedded for {folder} (looked for {prefix}*.sql).");
        var repeated = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new InvalidOperationException($"Migration version {repeated.Key} of {folder} is embedded twice: {string.Join(", ", repeated.Select(s => s.Name))}.");
        return scripts;
    }

    private static MigrationScript Load(Assembly assembly, string resource, string name)
    {
        var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 || !int.TryParse(digits, out var version) || version <= 0)
            throw new InvalidOperationException($"Migration script '{name}' must start with its version number, e.g. 0002_add_payments.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(version, name, reader.ReadToEnd());
    }
}

/// <summary>One versioned schema script, run as one command.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql);
