using System.Data.Common;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Catalogue;

/// <summary>The catalogue as rows in SQLite or MySQL; the tables come with schema version 2.</summary>
internal sealed class SqlCatalogueStore(SqlDialect dialect, TimeProvider clock) : ICatalogueStore
{
    private readonly CatalogueRows rows = new(dialect);

    public async Task<CatalogueSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var departments = await ReadAllAsync(connection, $"SELECT {CatalogueRows.DepartmentColumns} FROM departments", rows.ReadDepartment, cancellationToken);
        var doctors = await ReadAllAsync(connection, $"SELECT {CatalogueRows.DoctorColumns} FROM doctors", CatalogueRows.ReadDoctor, cancellationToken);
        var weekly = await ReadAllAsync(connection, $"SELECT {CatalogueRows.WeeklyColumns} FROM schedule_sessions",
            r => (DoctorId: r.GetString(0), Line: rows.ReadWeekly(r)), cancellationToken);

        // Past exceptions change no future pool; a day of margin covers any time zone.
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {CatalogueRows.ExceptionColumns} FROM schedule_exceptions WHERE visit_date >= @since";
        SlotPoolRows.Bind(select, "since", dialect.Date(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1)));
        var exceptions = new List<ScheduleException>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) exceptions.Add(rows.ReadException(reader));

        var weeklyByDoctor = weekly.ToLookup(w => w.DoctorId, w => w.Line, StringComparer.Ordinal);
        var exceptionsByDoctor = exceptions.ToLookup(e => e.DoctorId, StringComparer.Ordinal);
        var schedules = doctors.Select(d => new DoctorSchedule(
            d.DoctorId,
            weeklyByDoctor[d.DoctorId].OrderBy(l => ((int)l.Weekday + 6) % 7).ThenBy(l => l.Session).ToList(),
            exceptionsByDoctor[d.DoctorId].OrderBy(e => e.Date).ThenBy(e => e.Session).ThenBy(e => e.ExceptionId, StringComparer.Ordinal).ToList()));
        return new CatalogueSnapshot(departments, doctors, schedules);
    }

    public Task<bool> AddDepartmentAsync(Department department, CancellationToken cancellationToken) =>
        InsertAsync(
            $"INSERT INTO departments ({CatalogueRows.DepartmentColumns}, created_at, updated_at) " +
            "VALUES (@id, @name, @description, @location, @release_days, @release_time, @active, @min_age, @max_age, @release_lottery, @now, @now)",
            command => rows.BindDepartment(command, department), cancellationToken);

    public Task<bool> UpdateDepartmentAsync(Department department, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE departments SET name = @name, description = @description, location = @location, release_days_before = @release_days, " +
            "release_time = @release_time, active = @active, min_age_years = @min_age, max_age_years = @max_age, " +
            "release_lottery_window_minutes = @release_lottery, updated_at = @now " +
            "WHERE department_id = @id",
            command => rows.BindDepartment(command, department), cancellationToken);

    public Task<bool> AddDoctorAsync(Doctor doctor, CancellationToken cancellationToken) =>
        InsertAsync(
            $"INSERT INTO doctors ({CatalogueRows.DoctorColumns}, created_at, updated_at) " +
            "VALUES (@id, @name, @title, @department, @specialties, @bio, @active, @now, @now)",
            command => CatalogueRows.BindDoctor(command, doctor), cancellationToken);

    public Task<bool> UpdateDoctorAsync(Doctor doctor, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE doctors SET name = @name, title = @title, department_id = @department, specialties = @specialties, bio = @bio, " +
            "active = @active, updated_at = @now WHERE doctor_id = @id",
            command => CatalogueRows.BindDoctor(command, doctor), cancellationToken);

    public async Task ReplaceWeeklyScheduleAsync(string doctorId, IReadOnlyList<WeeklySession> sessions, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await using (var delete = transaction.CreateCommand("DELETE FROM schedule_sessions WHERE doctor_id = @doctor"))
        {
            SlotPoolRows.Bind(delete, "doctor", doctorId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        if (sessions.Count > 0)
        {
            var values = string.Join(", ", Enumerable.Range(0, sessions.Count).Select(CatalogueRows.WeeklyParameters));
            await using var insert = transaction.CreateCommand($"INSERT INTO schedule_sessions ({CatalogueRows.WeeklyColumns}) VALUES {values}");
            for (var i = 0; i < sessions.Count; i++) rows.BindWeekly(insert, doctorId, sessions[i], i);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AddScheduleExceptionAsync(ScheduleException exception, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            $"INSERT INTO schedule_exceptions ({CatalogueRows.ExceptionColumns}, created_at) " +
            "VALUES (@id, @doctor, @date, @kind, @session, @start, @minutes, @quota, @fee, @now)";
        rows.BindException(insert, exception);
        SlotPoolRows.Bind(insert, "now", dialect.Instant(clock.GetUtcNow()));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<bool> RemoveScheduleExceptionAsync(string doctorId, string exceptionId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM schedule_exceptions WHERE doctor_id = @doctor AND exception_id = @id", command =>
        {
            SlotPoolRows.Bind(command, "doctor", doctorId);
            SlotPoolRows.Bind(command, "id", exceptionId);
        }, cancellationToken);

    public async Task<IReadOnlyList<StoredPoolSummary>> ListPoolsAsync(
        IReadOnlyCollection<string>? doctorIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (doctorIds is { Count: 0 }) return [];
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var doctors = doctorIds?.ToList();
        var filter = doctors is null ? "" : " AND doctor_id IN (" + string.Join(", ", doctors.Select((_, i) => $"@d{i}")) + ")";
        select.CommandText =
            "SELECT pool_id, doctor_id, visit_date, session, quota FROM pools " +
            $"WHERE visit_date >= @from AND visit_date <= @to{filter} ORDER BY visit_date, session, pool_id";
        SlotPoolRows.Bind(select, "from", dialect.Date(from));
        SlotPoolRows.Bind(select, "to", dialect.Date(to));
        for (var i = 0; i < (doctors?.Count ?? 0); i++) SlotPoolRows.Bind(select, $"d{i}", doctors![i]);
        var pools = new List<StoredPoolSummary>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            pools.Add(new StoredPoolSummary(reader.GetString(0), reader.GetString(1), dialect.ReadDate(reader, 2),
                SnakeCase<ClinicSession>.Parse(reader.GetString(3)), reader.GetInt32(4)));
        return pools;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT (SELECT COUNT(*) FROM departments) + (SELECT COUNT(*) FROM doctors) + (SELECT COUNT(*) FROM pools)";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) == 0;
    }

    private async Task<bool> InsertAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(sql, bind, cancellationToken);
        }
        catch (DbException e) when (dialect.IsDuplicateKey(e))
        {
            return false;
        }
    }

    /// <summary>Runs one statement (stamped with the clock when it names <c>@now</c>); true when it touched a row.</summary>
    private async Task<bool> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        if (sql.Contains("@now", StringComparison.Ordinal)) SlotPoolRows.Bind(command, "now", dialect.Instant(clock.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) items.Add(read(reader));
        return items;
    }
}
