using System.Data.Common;
using System.Text;
using MySqlConnector;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Patients;

/// <summary>Registration and the patients' read models, in plain SQL.</summary>
internal sealed class SqlPatientDirectory(SqlDialect dialect, TimeProvider clock) : IPatientDirectory
{
    /// <summary>Rows per bulk INSERT, and per transaction: a bulk registration never holds its locks long, and 100 × 11 parameters stay far below SQLite's limit.</summary>
    public const int RowsPerInsert = 100;

    private const string HeldStatuses = "('pending_payment', 'booked', 'checked_in', 'in_consultation')";

    private readonly PatientRows rows = new(dialect);
    private readonly SlotPoolRows reservations = new(dialect);

    /// <summary>How often a registration that lost a deadlock is tried again before the fault is the caller's.</summary>
    public const int DeadlockAttempts = 10;

    public async Task<RegisterOutcome> RegisterAsync(PatientProfile profile, int patientsPerAccount, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRegisterAsync(profile, patientsPerAccount, cancellationToken);
            }
            // Two registrations for one account take the same gap lock and both want to insert into
            // it: InnoDB rolls one back. Its work is undone, so running it again is safe. Run straight
            // away, the losers of a burst would meet again: each waits a random, growing while first.
            catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.LockDeadlock && attempt < DeadlockAttempts)
            {
                await Task.Delay(DeadlockBackoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>Up to 4 ms after the first deadlock, doubling each time, at most 100 ms.</summary>
    private static TimeSpan DeadlockBackoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 + Math.Min(100, 2 << attempt)));

    private async Task<RegisterOutcome> TryRegisterAsync(PatientProfile profile, int patientsPerAccount, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);

        // The person first: an account registering someone it manages already is told so, not "full".
        if (await OnFileAsync(transaction, profile, cancellationToken) is { } onFile) return onFile;
        if (await rows.ManagedCountAsync(transaction, profile.AccountId, cancellationToken) >= patientsPerAccount)
            return new RegisterOutcome.AccountFull(patientsPerAccount);

        // Ids are the service's (a fresh GUID): a taken one is a retry of this very registration.
        await using (var exists = transaction.CreateCommand("SELECT COUNT(*) FROM patients WHERE patient_id = @patient"))
        {
            SlotPoolRows.Bind(exists, "patient", profile.PatientId);
            if (Convert.ToInt32(await exists.ExecuteScalarAsync(cancellationToken)) > 0) return new RegisterOutcome.PatientExists(profile.PatientId);
        }

        await using (var insert = transaction.CreateCommand(PatientRows.InsertPrefix + Parameters(0)))
        {
            BindRow(insert, 0, rows.InsertValues(profile, clock.GetUtcNow()));
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            // The same person registered a moment ago by another request (the unique identity key), or the same id.
            catch (DbException e) when (dialect.IsDuplicateKey(e))
            {
                return await OnFileAsync(transaction, profile, cancellationToken) ?? new RegisterOutcome.PatientExists(profile.PatientId);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new RegisterOutcome.Registered(profile);
    }

    private async Task<RegisterOutcome?> OnFileAsync(StoreTransaction transaction, PatientProfile profile, CancellationToken cancellationToken)
    {
        return await PatientRows.FindOnFileAsync(transaction.CreateCommand, profile.ResidentId, cancellationToken) switch
        {
            null => null,
            { Removed: false } own when own.AccountId == profile.AccountId => new RegisterOutcome.PatientExists(own.PatientId),
            var other => new RegisterOutcome.PersonOnFile(other),
        };
    }

    public async Task<PatientOnFile?> FindOnFileAsync(string residentId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await PatientRows.FindOnFileAsync(sql =>
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }, residentId, cancellationToken);
    }

    public async Task<int> RegisterManyAsync(IReadOnlyList<PatientProfile> profiles, CancellationToken cancellationToken)
    {
        var registered = 0;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in profiles.Chunk(RowsPerInsert))
        {
            await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
            var (ids, persons) = await ExistingAsync(transaction, chunk, cancellationToken);
            var fresh = chunk.Where(p => !ids.Contains(p.PatientId) && !persons.Contains(p.ResidentId))
                .DistinctBy(p => p.PatientId).DistinctBy(p => p.ResidentId).ToList();
            if (fresh.Count > 0)
            {
                var sql = new StringBuilder(PatientRows.InsertPrefix);
                for (var i = 0; i < fresh.Count; i++) sql.Append(i == 0 ? "" : ", ").Append(Parameters(i));
                await using var insert = transaction.CreateCommand(sql.ToString());
                var now = clock.GetUtcNow();
                for (var i = 0; i < fresh.Count; i++) BindRow(insert, i, rows.InsertValues(fresh[i], now));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            registered += fresh.Count;
        }
        return registered;
    }

    /// <summary>The chunk's patient ids and persons (resident IDs) that are on file already.</summary>
    private static async Task<(HashSet<string> Ids, HashSet<string> Persons)> ExistingAsync(
        StoreTransaction transaction, PatientProfile[] chunk, CancellationToken cancellationToken)
    {
        var ids = string.Join(", ", chunk.Select((_, i) => $"@id{i}"));
        var persons = string.Join(", ", chunk.Select((_, i) => $"@person{i}"));
        await using var select = transaction.CreateCommand(
            $"SELECT patient_id, identity_key FROM patients WHERE patient_id IN ({ids}) OR identity_key IN ({persons})");
        for (var i = 0; i < chunk.Length; i++)
        {
            SlotPoolRows.Bind(select, $"id{i}", chunk[i].PatientId);
            SlotPoolRows.Bind(select, $"person{i}", chunk[i].ResidentId);
        }
        var existing = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Item1.Add(reader.GetString(0));
            if (!reader.IsDBNull(1)) existing.Item2.Add(reader.GetString(1));
        }
        return existing;
    }

    public async Task<PatientRecord?> FindAsync(string patientId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await rows.FindAsync(connection, patientId, cancellationToken))?.Record;
    }

    public async Task<IReadOnlyList<PatientRecord>> ListByAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {PatientRows.PatientColumns} FROM patients pt WHERE pt.account_id = @account AND {PatientRows.Managed} " +
            "ORDER BY pt.registered_at, pt.patient_id";
        SlotPoolRows.Bind(command, "account", accountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<PatientRecord>();
        while (await reader.ReadAsync(cancellationToken)) records.Add(rows.ReadRecord(reader).Record);
        return records;
    }

    public async Task<IReadOnlyList<PatientRecord>> SearchAsync(PatientSearch search, int limit, CancellationToken cancellationToken)
    {
        // One indexed lookup per kind (migration 0071 for phone and name). A name is a prefix whose
        // LIKE wildcards are escaped, so "_" and "%" are only themselves; with '!', because a
        // backslash means something else in MySQL's string literals.
        var match = search.By switch
        {
            PatientSearchBy.ResidentId => "pt.identity_key = @text",
            PatientSearchBy.Phone => "pt.phone = @text",
            _ => "(pt.patient_id = @text OR pt.name LIKE @prefix ESCAPE '!')",
        };
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {PatientRows.PatientColumns} FROM patients pt WHERE {match} AND {PatientRows.Managed} " +
            $"ORDER BY pt.name, pt.patient_id LIMIT {limit}";
        SlotPoolRows.Bind(command, "text", search.Text);
        if (search.By == PatientSearchBy.IdOrName)
            SlotPoolRows.Bind(command, "prefix", search.Text.Replace("!", "!!").Replace("%", "!%").Replace("_", "!_") + "%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<PatientRecord>();
        while (await reader.ReadAsync(cancellationToken)) records.Add(rows.ReadRecord(reader).Record);
        return records;
    }

    public async Task<IReadOnlyList<PatientAppointment>> ListAppointmentsAsync(
        string patientId, AppointmentScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var filter = scope == AppointmentScope.Upcoming
            ? $"p.visit_date >= @today AND r.status IN {HeldStatuses} ORDER BY r.visit_time, r.reservation_id"
            : $"(p.visit_date < @today OR r.status NOT IN {HeldStatuses}) ORDER BY r.visit_time DESC, r.reservation_id";
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {SlotPoolRows.ReservationColumns}, p.doctor_id, p.department_id, p.visit_date, p.session " +
            $"FROM reservations r JOIN pools p ON p.pool_id = r.pool_id WHERE r.patient_id = @patient AND {filter}";
        SlotPoolRows.Bind(command, "patient", patientId);
        SlotPoolRows.Bind(command, "today", dialect.Date(today));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var appointments = new List<PatientAppointment>();
        var first = reader.FieldCount - 4;
        while (await reader.ReadAsync(cancellationToken))
        {
            appointments.Add(new PatientAppointment(
                reservations.ReadReservation(reader),
                DoctorId: reader.GetString(first),
                DepartmentId: reader.IsDBNull(first + 1) ? null : reader.GetString(first + 1),
                VisitDate: dialect.ReadDate(reader, first + 2),
                Session: SnakeCase<ClinicSession>.Parse(reader.GetString(first + 3))));
        }
        return appointments;
    }

    private static string Parameters(int row) =>
        SlotPoolRows.Row(Enumerable.Range(0, PatientRows.InsertColumnCount).Select(c => $"@r{row}c{c}"));

    private static void BindRow(DbCommand command, int row, object?[] values)
    {
        for (var c = 0; c < values.Length; c++) SlotPoolRows.Bind(command, $"r{row}c{c}", values[c]);
    }
}
