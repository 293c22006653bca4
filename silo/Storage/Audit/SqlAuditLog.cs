using System.Text;
using OrleansBooking.Api.Audit;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Audit;

/// <summary>
/// The <c>audit_log</c> table: batches written as multi-row INSERTs in one transaction, and the
/// admins' query, newest first with keyset paging (an entry id marks where the next page starts).
/// </summary>
internal sealed class SqlAuditLog(SqlDialect dialect) : IAuditBatchWriter, IAuditTrail
{
    private const string InsertPrefix = "INSERT INTO audit_log (" + AuditLogRows.Columns + ") VALUES ";

    // A batch may hold up to 100,000 entries (AuditLogOptions.MaxBatch), each with up to ~1,600
    // characters of text: it is several INSERTs in one transaction, each far below SQLite's
    // host-parameter limit (50 × 10 = 500) and MySQL's max_allowed_packet.
    private const int RowsPerInsert = 50;

    // "Older than entry @before" in the order of the listing. An unknown id makes both
    // comparisons NULL, so it selects nothing rather than everything.
    private const string BeforeEntry =
        " AND (occurred_at < (SELECT b.occurred_at FROM audit_log b WHERE b.id = @before)" +
        " OR (occurred_at = (SELECT b.occurred_at FROM audit_log b WHERE b.id = @before) AND id < @before))";

    public async Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        foreach (var chunk in batch.Chunk(RowsPerInsert))
        {
            var rows = chunk.Select((_, row) => SlotPoolRows.Row(Enumerable.Range(0, AuditLogRows.ColumnCount).Select(column => $"@v{row}_{column}")));
            await using var insert = transaction.CreateCommand(InsertPrefix + string.Join(", ", rows));
            for (var row = 0; row < chunk.Length; row++)
            {
                var values = AuditLogRows.Values(chunk[row], dialect);
                for (var column = 0; column < values.Length; column++) SlotPoolRows.Bind(insert, $"v{row}_{column}", values[column]);
            }
            var written = await insert.ExecuteNonQueryAsync(cancellationToken);
            if (written != chunk.Length)
                throw new InvalidOperationException($"The audit log should have taken {chunk.Length} entries but took {written}; nothing was written.");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedAuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT ").Append(AuditLogRows.ReadColumns).Append(" FROM audit_log WHERE 1 = 1");
        if (query.From is { } from)
        {
            sql.Append(" AND occurred_at >= @from");
            SlotPoolRows.Bind(command, "from", dialect.Instant(from));
        }
        if (query.To is { } to)
        {
            sql.Append(" AND occurred_at < @to");
            SlotPoolRows.Bind(command, "to", dialect.Instant(to));
        }
        if (query.AccountId is { } accountId)
        {
            sql.Append(" AND account_id = @account");
            SlotPoolRows.Bind(command, "account", accountId);
        }
        if (query.Action is { } action)
        {
            sql.Append(" AND action = @action");
            SlotPoolRows.Bind(command, "action", action);
        }
        if (query.Before is { } before)
        {
            sql.Append(BeforeEntry);
            SlotPoolRows.Bind(command, "before", before);
        }
        sql.Append(" ORDER BY occurred_at DESC, id DESC LIMIT @limit");
        SlotPoolRows.Bind(command, "limit", query.Limit);
        command.CommandText = sql.ToString();

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<RecordedAuditEntry>();
        while (await reader.ReadAsync(cancellationToken)) entries.Add(AuditLogRows.Read(reader, dialect));
        return entries;
    }
}
