using OrleansBooking.Api.Contracts.Statistics;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Statistics;

/// <summary>
/// The statistics read model: one plain SQL query counts each pool's reservations by status, and
/// the sums per day, department or doctor are taken in C# (<see cref="StatisticsTally"/>), where
/// instant arithmetic is the same for both engines.
/// </summary>
internal sealed class SqlHospitalStatistics(SqlDialect dialect) : IHospitalStatistics
{
    // LEFT JOIN: a pool nobody booked still released its numbers. department_id may be NULL
    // (pools opened by hand name no department) and groups as its own row.
    private const string FiguresPerPool =
        "SELECT p.pool_id, p.doctor_id, p.department_id, p.visit_date, p.quota, p.release_at, " +
        "COALESCE(SUM(CASE WHEN r.status <> 'cancelled' THEN 1 ELSE 0 END), 0), " +
        "COALESCE(SUM(CASE WHEN r.status = 'cancelled' THEN 1 ELSE 0 END), 0), " +
        "COALESCE(SUM(CASE WHEN r.status = 'no_show' THEN 1 ELSE 0 END), 0), " +
        "MAX(CASE WHEN r.status <> 'cancelled' THEN r.created_at END) " +
        "FROM pools p LEFT JOIN reservations r ON r.pool_id = p.pool_id " +
        "WHERE p.visit_date >= @from AND p.visit_date <= @to " +
        "GROUP BY p.pool_id, p.doctor_id, p.department_id, p.visit_date, p.quota, p.release_at";

    public async Task<IReadOnlyList<StatisticsRow>> ReadAsync(
        StatisticsGrouping by, DateOnly from, DateOnly to, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        StatisticsTally.Tally(await ReadPoolFiguresAsync(from, to, cancellationToken), by, asOf);

    public async Task<List<PoolFigures>> ReadPoolFiguresAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = FiguresPerPool;
        SlotPoolRows.Bind(command, "from", dialect.Date(from));
        SlotPoolRows.Bind(command, "to", dialect.Date(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pools = new List<PoolFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pools.Add(new PoolFigures(
                PoolId: reader.GetString(0),
                DoctorId: reader.GetString(1),
                DepartmentId: reader.IsDBNull(2) ? null : reader.GetString(2),
                Date: dialect.ReadDate(reader, 3),
                Quota: reader.GetInt32(4),
                ReleaseAt: dialect.ReadInstant(reader, 5),
                // MySQL sums to DECIMAL, SQLite to INTEGER.
                Booked: Convert.ToInt32(reader.GetValue(6)),
                Cancellations: Convert.ToInt32(reader.GetValue(7)),
                NoShows: Convert.ToInt32(reader.GetValue(8)),
                LastBookedAt: reader.IsDBNull(9) ? null : dialect.ReadInstant(reader, 9)));
        }
        return pools;
    }
}
