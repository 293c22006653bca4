using System.Data.Common;
using OrleansBooking.Api.Audit;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Audit;

/// <summary>
/// How an audit entry maps to an <c>audit_log</c> row. Text is cut here to the MySQL column
/// lengths of migration 0006: the server must never truncate (strict mode refuses the row, and so
/// the whole batch), and both engines then hold the same text.
/// </summary>
internal static class AuditLogRows
{
    public const int AccountIdLength = 128;
    public const int RoleLength = 16;
    public const int ActionLength = 128;
    public const int MethodLength = 16;
    public const int PathLength = 512;
    public const int TargetLength = 512;
    public const int ClientAddressLength = 64;
    public const int DetailLength = 256;

    /// <summary>The columns written, in <see cref="Values"/> order.</summary>
    public const string Columns = "occurred_at, account_id, role, action, method, path, status_code, target, client_address, detail";

    public const int ColumnCount = 10;

    /// <summary>The columns <see cref="Read"/> reads, in order.</summary>
    public const string ReadColumns = "id, " + Columns;

    public static object?[] Values(AuditEntry entry, SqlDialect dialect) =>
    [
        dialect.Instant(entry.OccurredAt),
        Cut(entry.AccountId, AccountIdLength),
        Cut(entry.Role, RoleLength),
        Cut(entry.Action, ActionLength),
        Cut(entry.Method, MethodLength),
        Cut(entry.Path, PathLength),
        entry.StatusCode,
        Cut(entry.Target, TargetLength),
        Cut(entry.ClientAddress, ClientAddressLength),
        Cut(entry.Detail, DetailLength),
    ];

    public static RecordedAuditEntry Read(DbDataReader reader, SqlDialect dialect) => new(
        reader.GetInt64(0),
        new AuditEntry(
            OccurredAt: dialect.ReadInstant(reader, 1),
            AccountId: TextOrNull(reader, 2),
            Role: TextOrNull(reader, 3),
            Action: reader.GetString(4),
            Method: reader.GetString(5),
            Path: reader.GetString(6),
            StatusCode: reader.GetInt32(7),
            Target: TextOrNull(reader, 8),
            ClientAddress: TextOrNull(reader, 9),
            Detail: TextOrNull(reader, 10)));

    /// <summary>
    /// At most <paramref name="length"/> UTF-16 units, never half a surrogate pair. MySQL counts
    /// characters, and a character is at least one unit, so the result always fits.
    /// </summary>
    public static string? Cut(string? text, int length)
    {
        if (text is null || text.Length <= length) return text;
        return text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
    }

    private static string? TextOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
