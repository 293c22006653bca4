using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.DoctorsDay;

/// <summary>A doctor's pools on one day, from the pools rows (index ix_pools_doctor_date).</summary>
internal sealed class SqlDoctorSessions(SqlDialect dialect) : IDoctorSessions
{
    public async Task<IReadOnlyList<string>> FindPoolIdsAsync(string doctorId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pool_id FROM pools WHERE doctor_id = @doctor AND visit_date = @date ORDER BY start_time, pool_id";
        SlotPoolRows.Bind(command, "doctor", doctorId);
        SlotPoolRows.Bind(command, "date", dialect.Date(date));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) found.Add(reader.GetString(0));
        return found;
    }
}
