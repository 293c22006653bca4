using System.Data.Common;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Patients;

/// <summary>How patients map to rows: the column lists and the readers shared by the grain storage and the directory.</summary>
internal sealed class PatientRows(SqlDialect dialect)
{
    /// <summary>The columns <see cref="ReadRecord"/> reads, in order, from the table aliased <c>pt</c>.</summary>
    public const string PatientColumns =
        "pt.patient_id, pt.account_id, pt.name, pt.resident_id, pt.phone, pt.birth_date, pt.sex, pt.registered_at, " +
        "pt.suspended_from, pt.suspended_until, pt.version, pt.removed_at";

    public const string InsertPrefix =
        "INSERT INTO patients (patient_id, account_id, name, resident_id, identity_key, phone, birth_date, sex, registered_at, " +
        "version, updated_at) VALUES ";

    public const int PatientColumnCount = 12;

    public const int InsertColumnCount = 11;

    /// <summary>Rows of patients an account manages: removed ones are on file, but nobody's.</summary>
    public const string Managed = "pt.removed_at IS NULL";

    /// <summary>
    /// A patient's reservations with what the limits need from each pool. Cancelled ones are read too:
    /// an idempotent retry of a cancelled attempt must still be recognised as a retry.
    /// </summary>
    public const string SelectBookings =
        "SELECT r.reservation_id, r.pool_id, r.status, r.idempotency_key, p.visit_date, p.department_id " +
        "FROM reservations r JOIN pools p ON p.pool_id = r.pool_id WHERE r.patient_id = @patient";

    /// <summary>
    /// The values of a new patients row in <see cref="InsertPrefix"/> order. A profile is stored at
    /// version 0: it is write-once, and the grain's first own write (a no-show) makes it 1.
    /// </summary>
    public object?[] InsertValues(PatientProfile profile, DateTimeOffset now) =>
    [
        profile.PatientId,
        profile.AccountId,
        profile.Name,
        profile.ResidentId,
        // The person: one patient per resident ID, hospital-wide (unique index).
        profile.ResidentId,
        profile.Phone,
        dialect.Date(profile.BirthDate),
        SnakeCase<Sex>.Name(profile.Sex),
        dialect.Instant(profile.RegisteredAt),
        0L,
        dialect.Instant(now),
    ];

    public (PatientRecord Record, long Version, bool Removed) ReadRecord(DbDataReader reader)
    {
        var profile = new PatientProfile(
            PatientId: reader.GetString(0),
            AccountId: reader.GetString(1),
            Name: reader.GetString(2),
            ResidentId: reader.GetString(3),
            Phone: reader.GetString(4),
            BirthDate: dialect.ReadDate(reader, 5),
            Sex: SnakeCase<Sex>.Parse(reader.GetString(6)),
            RegisteredAt: dialect.ReadInstant(reader, 7));
        var suspension = reader.IsDBNull(8) || reader.IsDBNull(9)
            ? null
            : new Suspension(dialect.ReadInstant(reader, 8), dialect.ReadInstant(reader, 9));
        return (new PatientRecord(profile, suspension), reader.GetInt64(10), !reader.IsDBNull(11));
    }

    /// <summary>The patient an account manages (never a removed one).</summary>
    /// <summary>
    /// How many patients the account manages. Locks the account's rows on MySQL (SQLite's write
    /// transaction already excludes every other writer), so two registrations or attachments for one
    /// account cannot both pass the cap.
    /// </summary>
    public async Task<int> ManagedCountAsync(StoreTransaction transaction, string accountId, CancellationToken cancellationToken)
    {
        var lockRows = dialect.Engine == StorageOptions.MySql ? " FOR UPDATE" : "";
        await using var count = transaction.CreateCommand($"SELECT COUNT(*) FROM patients pt WHERE pt.account_id = @account AND {Managed}{lockRows}");
        SlotPoolRows.Bind(count, "account", accountId);
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The patient a resident ID belongs to, removed or not.</summary>
    /// <param name="createCommand">Makes the command from its SQL: a transaction's own (on MySQL its first command also begins it).</param>
    public static async Task<PatientOnFile?> FindOnFileAsync(Func<string, DbCommand> createCommand, string residentId, CancellationToken cancellationToken)
    {
        await using var command = createCommand("SELECT patient_id, account_id, phone, removed_at FROM patients WHERE identity_key = @identity");
        SlotPoolRows.Bind(command, "identity", residentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PatientOnFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), Removed: !reader.IsDBNull(3))
            : null;
    }

    public async Task<(PatientRecord Record, long Version, bool Removed)?> FindAsync(DbConnection connection, string patientId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {PatientColumns} FROM patients pt WHERE pt.patient_id = @patient AND {Managed}";
        SlotPoolRows.Bind(command, "patient", patientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    /// <summary>
    /// The patient's row and reservations in one round trip: during a rush every patient activates
    /// once, so its load should cost as little as a read can. Null when the patient is not registered;
    /// a removed patient is read too (their no-shows and suspension still count).
    /// </summary>
    public async Task<(PatientRecord Record, long Version, bool Removed, List<BookedVisit> Bookings)?> FindWithBookingsAsync(
        DbConnection connection, string patientId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {PatientColumns}, r.reservation_id, r.pool_id, r.status, r.idempotency_key, p.visit_date, p.department_id " +
            "FROM patients pt LEFT JOIN reservations r ON r.patient_id = pt.patient_id LEFT JOIN pools p ON p.pool_id = r.pool_id " +
            "WHERE pt.patient_id = @patient";
        SlotPoolRows.Bind(command, "patient", patientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (PatientRecord Record, long Version, bool Removed)? found = null;
        var visits = new List<BookedVisit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found ??= ReadRecord(reader);
            if (!reader.IsDBNull(PatientColumnCount)) visits.Add(ReadVisit(reader, PatientColumnCount));
        }
        return found is { } f ? (f.Record, f.Version, f.Removed, visits) : null;
    }

    /// <summary>
    /// Like <see cref="FindWithBookingsAsync"/> for many patients in one statement (one parameter
    /// each); patients not registered are absent from the result.
    /// </summary>
    public async Task<Dictionary<string, (PatientRecord Record, long Version, bool Removed, List<BookedVisit> Bookings)>> FindManyWithBookingsAsync(
        DbConnection connection, IReadOnlyList<string> patientIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var names = patientIds.Select((_, i) => $"@p{i}").ToList();
        command.CommandText =
            $"SELECT {PatientColumns}, r.reservation_id, r.pool_id, r.status, r.idempotency_key, p.visit_date, p.department_id " +
            "FROM patients pt LEFT JOIN reservations r ON r.patient_id = pt.patient_id LEFT JOIN pools p ON p.pool_id = r.pool_id " +
            $"WHERE pt.patient_id IN ({string.Join(", ", names)})";
        for (var i = 0; i < patientIds.Count; i++) SlotPoolRows.Bind(command, $"p{i}", patientIds[i]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, (PatientRecord Record, long Version, bool Removed, List<BookedVisit> Bookings)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (record, version, removed) = ReadRecord(reader);
            var id = record.Profile.PatientId;
            if (!found.TryGetValue(id, out var entry)) found[id] = entry = (record, version, removed, []);
            if (!reader.IsDBNull(PatientColumnCount)) entry.Bookings.Add(ReadVisit(reader, PatientColumnCount));
        }
        return found;
    }

    public async Task<List<BookedVisit>> ReadBookingsAsync(DbConnection connection, string patientId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SelectBookings;
        SlotPoolRows.Bind(command, "patient", patientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var visits = new List<BookedVisit>();
        while (await reader.ReadAsync(cancellationToken)) visits.Add(ReadVisit(reader, 0));
        return visits;
    }

    /// <summary>Reads reservation id, pool id, status, idempotency key, visit date and department starting at <paramref name="first"/>.</summary>
    private BookedVisit ReadVisit(DbDataReader reader, int first) =>
        new(
            ReservationId: reader.GetString(first),
            PoolId: reader.GetString(first + 1),
            VisitDate: dialect.ReadDate(reader, first + 4),
            DepartmentId: reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5),
            IdempotencyKey: reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
            Status: SnakeCase<ReservationStatus>.Parse(reader.GetString(first + 2)));

    public async Task<List<NoShow>> ReadNoShowsAsync(DbConnection connection, string patientId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reservation_id, occurred_at FROM patient_no_shows WHERE patient_id = @patient";
        SlotPoolRows.Bind(command, "patient", patientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var noShows = new List<NoShow>();
        while (await reader.ReadAsync(cancellationToken)) noShows.Add(new NoShow(reader.GetString(0), dialect.ReadInstant(reader, 1)));
        return noShows;
    }
}
