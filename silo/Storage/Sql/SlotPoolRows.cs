using OrleansBooking.Grains.Lottery;
using System.Data.Common;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// How pools and reservations map to rows, shared by the grain storage and the conventional
/// engine: column lists, the statements that write a reservation, and reading rows back.
/// </summary>
internal sealed class SlotPoolRows(SqlDialect dialect)
{
    /// <summary>The pool columns <see cref="ReadPool"/> reads, in order, from the table aliased <c>p</c>.</summary>
    public const string PoolColumns =
        "p.pool_id, p.doctor_id, p.visit_date, p.session, p.start_time, p.minutes_per_number, p.quota, p.fee, " +
        "p.release_at, p.status, p.version, p.created_at, p.department_id, p.lottery_window_minutes, p.lottery_seed";

    public const int PoolColumnCount = 15;

    /// <summary>
    /// <see cref="PoolColumns"/> and then, at <see cref="PoolColumnCount"/>, the pool's held numbers: reservations holding
    /// one (the active-number index) plus numbers offered to waiting patients, which the pool grain counts as taken too.
    /// </summary>
    public const string PoolColumnsAndHeld =
        PoolColumns + ", (SELECT COUNT(*) FROM reservations r WHERE r.pool_id = p.pool_id AND r.active_sequence IS NOT NULL)" +
        " + (SELECT COUNT(*) FROM waitlist_entries w WHERE w.pool_id = p.pool_id AND w.status = 'offered')";

    /// <summary>The reservation columns <see cref="ReadReservation"/> reads, in order, from the table aliased <c>r</c>.</summary>
    public const string ReservationColumns =
        "r.reservation_id, r.pool_id, r.patient_id, r.sequence_number, r.visit_time, r.status, r.idempotency_key, " +
        "r.created_at, r.cancelled_at, r.cancellation_reason, r.hold_expires_at, r.fee_fen, r.paid_at";

    public const string InsertReservationPrefix =
        "INSERT INTO reservations (reservation_id, pool_id, patient_id, sequence_number, visit_time, status, " +
        "idempotency_key, created_at, cancelled_at, cancellation_reason, active_sequence, active_patient_id, hold_expires_at, fee_fen, paid_at) VALUES ";

    /// <summary>Parameter names for a row of <see cref="ReservationValues"/> or <see cref="CancellationValues"/>.</summary>
    public static readonly string[] ReservationParameters = Enumerable.Range(0, 15).Select(i => $"@v{i}").ToArray();

    /// <summary>One row of values: <c>(a, b, …)</c> from SQL fragments (parameter names or literals).</summary>
    public static string Row(IEnumerable<string> values) => "(" + string.Join(", ", values) + ")";

    /// <summary>Cancels a reservation, releasing its number and the patient's slot; fragments in <see cref="CancellationValues"/> order.</summary>
    public static string CancelReservation(IReadOnlyList<string> v) =>
        $"UPDATE reservations SET status = {v[0]}, cancelled_at = {v[1]}, cancellation_reason = {v[2]}, " +
        $"active_sequence = NULL, active_patient_id = NULL WHERE pool_id = {v[3]} AND reservation_id = {v[4]}";

    /// <summary>A hold paid in time: booked, with the instant of payment; fragments in <see cref="HoldPaidValues"/> order.</summary>
    public static string PayHold(IReadOnlyList<string> v) =>
        $"UPDATE reservations SET status = {v[0]}, paid_at = {v[1]} WHERE pool_id = {v[2]} AND reservation_id = {v[3]} AND status = {v[4]}";

    /// <summary>The values <see cref="PayHold"/> takes: booked, paid at, pool, reservation, pending payment.</summary>
    public object?[] HoldPaidValues(string poolId, HoldPaid paid) =>
    [
        SnakeCase<ReservationStatus>.Name(ReservationStatus.Booked),
        dialect.Instant(paid.PaidAt),
        poolId,
        paid.ReservationId,
        SnakeCase<ReservationStatus>.Name(ReservationStatus.PendingPayment),
    ];

    /// <summary>The values of a reservations row, in <see cref="InsertReservationPrefix"/> column order, as the dialect stores them.</summary>
    public object?[] ReservationValues(Reservation reservation)
    {
        var holds = reservation.Status.HoldsNumber();
        return
        [
            reservation.ReservationId,
            reservation.PoolId,
            reservation.PatientId,
            reservation.SequenceNumber,
            dialect.Instant(reservation.VisitTime),
            SnakeCase<ReservationStatus>.Name(reservation.Status),
            reservation.IdempotencyKey,
            dialect.Instant(reservation.CreatedAt),
            reservation.CancelledAt is { } at ? dialect.Instant(at) : null,
            reservation.CancellationReason is { } reason ? SnakeCase<CancellationReason>.Name(reason) : null,
            holds ? reservation.SequenceNumber : null,
            holds ? reservation.PatientId : null,
            reservation.HoldExpiresAt is { } expiresAt ? dialect.Instant(expiresAt) : null,
            reservation.FeeFen,
            reservation.PaidAt is { } paidAt ? dialect.Instant(paidAt) : null,
        ];
    }

    /// <summary>The values <see cref="CancelReservation"/> takes: status, cancelled at, reason, pool, reservation.</summary>
    public object?[] CancellationValues(string poolId, ReservationCancelled cancelled) =>
    [
        SnakeCase<ReservationStatus>.Name(ReservationStatus.Cancelled),
        dialect.Instant(cancelled.CancelledAt),
        SnakeCase<CancellationReason>.Name(cancelled.Reason),
        poolId,
        cancelled.ReservationId,
    ];

    /// <summary>Binds <paramref name="values"/> to <see cref="ReservationParameters"/>, reusing the command's parameters when it has them.</summary>
    public static void BindValues(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i < command.Parameters.Count) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            else Bind(command, ReservationParameters[i][1..], values[i]);
        }
    }

    /// <summary>Binds the columns of a new pools row (everything but version and timestamps).</summary>
    public void BindPoolDefinition(DbCommand command, PoolDefinition definition, PoolStatus status)
    {
        Bind(command, "pool", definition.PoolId);
        Bind(command, "doctor", definition.DoctorId);
        Bind(command, "date", dialect.Date(definition.Date));
        Bind(command, "session", SnakeCase<ClinicSession>.Name(definition.Session));
        Bind(command, "start", dialect.TimeOfDay(definition.StartTime));
        Bind(command, "minutes", definition.MinutesPerNumber);
        Bind(command, "quota", definition.Quota);
        Bind(command, "fee", StoredFee(definition.Fee));
        Bind(command, "release", dialect.Instant(definition.ReleaseAt));
        Bind(command, "status", StatusName(status));
        Bind(command, "department", definition.DepartmentId);
        Bind(command, "lotteryWindow", definition.LotteryWindow is { } window ? (int)window.Length.TotalMinutes : null);
        Bind(command, "lotterySeed", definition.LotterySeed?.Hex);
    }

    public const string InsertPool =
        "INSERT INTO pools (pool_id, doctor_id, visit_date, session, start_time, minutes_per_number, quota, fee, " +
        "release_at, status, version, created_at, updated_at, department_id, lottery_window_minutes, lottery_seed) VALUES (@pool, @doctor, @date, " +
        "@session, @start, @minutes, @quota, @fee, @release, @status, @version, @created, @updated, @department, @lotteryWindow, @lotterySeed)";

    /// <summary>Reads the <see cref="PoolColumns"/> starting at ordinal 0.</summary>
    public StoredPool ReadPool(DbDataReader reader) =>
        new(
            new PoolDefinition(
                PoolId: reader.GetString(0),
                DoctorId: reader.GetString(1),
                Date: dialect.ReadDate(reader, 2),
                Session: SnakeCase<ClinicSession>.Parse(reader.GetString(3)),
                StartTime: dialect.ReadTimeOfDay(reader, 4),
                MinutesPerNumber: reader.GetInt32(5),
                Quota: reader.GetInt32(6),
                Fee: reader.GetDecimal(7),
                ReleaseAt: dialect.ReadInstant(reader, 8),
                DepartmentId: reader.IsDBNull(12) ? null : reader.GetString(12),
                LotteryWindow: reader.IsDBNull(13) ? null : new LotteryWindow(TimeSpan.FromMinutes(Convert.ToInt32(reader.GetValue(13)))),
                LotterySeed: reader.IsDBNull(14) ? null : LotterySeed.Parse(reader.GetString(14))),
            SnakeCase<PoolStatus>.Parse(reader.GetString(9)),
            dialect.ReadInstant(reader, 11),
            reader.GetInt64(10));

    /// <summary>Reads the <see cref="ReservationColumns"/> starting at <paramref name="first"/>.</summary>
    public Reservation ReadReservation(DbDataReader reader, int first = 0) =>
        new(
            ReservationId: reader.GetString(first),
            PoolId: reader.GetString(first + 1),
            PatientId: reader.GetString(first + 2),
            SequenceNumber: reader.GetInt32(first + 3),
            VisitTime: dialect.ReadInstant(reader, first + 4),
            Status: SnakeCase<ReservationStatus>.Parse(reader.GetString(first + 5)),
            CreatedAt: dialect.ReadInstant(reader, first + 7),
            IdempotencyKey: reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6),
            CancelledAt: reader.IsDBNull(first + 8) ? null : dialect.ReadInstant(reader, first + 8),
            CancellationReason: reader.IsDBNull(first + 9) ? null : SnakeCase<CancellationReason>.Parse(reader.GetString(first + 9)),
            HoldExpiresAt: reader.IsDBNull(first + 10) ? null : dialect.ReadInstant(reader, first + 10),
            FeeFen: reader.IsDBNull(first + 11) ? null : reader.GetInt64(first + 11),
            PaidAt: reader.IsDBNull(first + 12) ? null : dialect.ReadInstant(reader, first + 12));

    /// <summary>
    /// A pool and all its reservations in one statement, so the two are one consistent snapshot
    /// without a transaction; null when the pool does not exist.
    /// </summary>
    public async Task<(StoredPool Pool, List<Reservation> Reservations)?> ReadPoolWithReservationsAsync(
        DbConnection connection, string poolId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {PoolColumns}, {ReservationColumns} FROM pools p " +
            "LEFT JOIN reservations r ON r.pool_id = p.pool_id WHERE p.pool_id = @pool";
        Bind(command, "pool", poolId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        StoredPool? pool = null;
        var reservations = new List<Reservation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pool ??= ReadPool(reader);
            if (!reader.IsDBNull(PoolColumnCount)) reservations.Add(ReadReservation(reader, PoolColumnCount));
        }
        return pool is null ? null : (pool, reservations);
    }

    /// <summary>
    /// The fee as the DECIMAL(12, 2) column holds it, rounded here rather than by the engine: MySQL
    /// rounds, SQLite (NUMERIC affinity) keeps what it is given, so both then hold the same amount.
    /// </summary>
    public static decimal StoredFee(decimal fee) => Math.Round(fee, 2, MidpointRounding.AwayFromZero);

    public static string StatusName(PoolStatus status) =>
        status is PoolStatus.Open or PoolStatus.Closed or PoolStatus.Cancelled
            ? SnakeCase<PoolStatus>.Name(status)
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Only open, closed and cancelled are stored.");

    public static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
