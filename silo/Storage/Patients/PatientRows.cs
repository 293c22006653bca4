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
        "pt.suspended_from, pt.suspended_until, pt.version";

    public const string InsertPrefix =
        "INSERT INTO patients (patient_id, account_id, name, resident_id, phone, birth_date, sex, registered_at, " +
        "version, updated_at) VALUES ";

    public const int PatientColumnCount = 11;

    public const int InsertColumnCount = 10;

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
        profile.Phone,
        dialect.Date(profile.BirthDate),
        SnakeCase<Sex>.Name(profile.Sex),
        dialect.Instant(profile.RegisteredAt),
        0L,
        dialect.Instant(now),
    ];

    public (PatientRecord Record, long Version) ReadRecord(DbDataReader reader)
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
        return (new PatientRecord(profile, suspension), reader.GetInt64(10));
    }

    public async Task<(PatientRecord Record, long Version)?> FindAsync(DbConnection connection, string patientId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {PatientColumns} FROM patients pt WHERE pt.patient_id = @patient";
        SlotPoolRows.Bind(command, "patient", patientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    /// <summary>
    /// The patient's row and reservations in one round trip: during a rush every patient activates
    /// once, so its load should cost as little as a read can. Null when the patient is not registered.
    /// </summary>
    public async Task<(PatientRecord Record, long Version, List<BookedVisit> Bookings)?> FindWithBookingsAsync(
        DbConnection connection, string patientId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {PatientColumns}, r.reservation_id, r.pool_id, r.status, r.idempotency_key, p.visit_date, p.department_id " +
            "FROM patients pt LEFT JOIN reservations r ON r.patient_id = pt.patient_id LEFT JOIN pools p ON p.pool_id = r.pool_id " +
            "WHERE pt.patient_id = @patient";
        SlotPoolRows.Bind(command, "patient", patientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (PatientRecord Record, long Version)? found = null;
        var visits = new List<BookedVisit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found ??= ReadRecord(reader);
            if (!reader.IsDBNull(PatientColumnCount)) visits.Add(ReadVisit(reader, PatientColumnCount));
        }
        return found is { } f ? (f.Record, f.Version, visits) : null;
    }

    /// <summary>
    /// Like <see cref="FindWithBookingsAsync"/> for many patients in one statement (one parameter
    /// each); patients not registered are absent from the result.
    /// </summary>
    public async Task<Dictionary<string, (PatientRecord Record, long Version, List<BookedVisit> Bookings)>> FindManyWithBookingsAsync(
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
        var found = new Dictionary<string, (PatientRecord Record, long Version, List<BookedVisit> Bookings)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (record, version) = ReadRecord(reader);
            var id = record.Profile.PatientId;
            if (!found.TryGetValue(id, out var entry)) found[id] = entry = (record, version, []);
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
