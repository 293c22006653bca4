using OrleansBooking.Api.Audit;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Audit;

/// <summary>
/// The audit log table of the database the storage options name: the writer the buffered audit
/// log sends its batches to, and the trail admins query. Neither touches the booking tables.
/// </summary>
public sealed class AuditLogStore
{
    private AuditLogStore(SqlAuditLog table)
    {
        Writer = table;
        Trail = table;
    }

    public IAuditBatchWriter Writer { get; }

    public IAuditTrail Trail { get; }

    /// <summary>The audit log for <paramref name="options"/>; connects to nothing yet (migration 0006 creates the table).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static AuditLogStore Create(StorageOptions options)
    {
        return new AuditLogStore(new SqlAuditLog(SqlDialects.Create(options)));
    }
}
