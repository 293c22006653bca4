using OrleansBooking.Api.Contracts.Availability;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Availability;

/// <summary>
/// One indexed query per department (pools by department and date, migration 0041) with each
/// pool's held numbers counted as the pool grain counts them (<see cref="SlotPoolRows.PoolColumnsAndHeld"/>).
/// </summary>
internal sealed class SqlOpenSessions(SqlDialect dialect) : IOpenSessions
{
    public async Task<IReadOnlyList<OpenSession>> ListAsync(string departmentId, DateOnly from, CancellationToken cancellationToken)
    {
        var rows = new SlotPoolRows(dialect);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText =
            $"SELECT {SlotPoolRows.PoolColumnsAndHeld} " +
            "FROM pools p WHERE p.department_id = @department AND p.visit_date >= @from AND p.status = 'open'";
        SlotPoolRows.Bind(select, "department", departmentId);
        SlotPoolRows.Bind(select, "from", dialect.Date(from));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<OpenSession>();
        while (await reader.ReadAsync(cancellationToken))
            sessions.Add(new OpenSession(rows.ReadPool(reader).Definition, Convert.ToInt32(reader.GetValue(SlotPoolRows.PoolColumnCount))));
        return sessions;
    }
}
