using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Patients;

/// <summary>
/// The patient grain's state: the patients row (profile, suspension, version), its no-show rows,
/// and — read only — its reservations and its entries in draws not yet drawn, joined with their
/// pools. Writes are rare (no-shows, lifts): one transaction that checks the version on the
/// patients row first.
/// </summary>
internal sealed class SqlPatientStorage(SqlDialect dialect, TimeProvider clock)
    : IChangeStorage<PatientState, PatientChange>, IBatchReader<PatientState>, IPatientRecords
{
    private readonly PatientRows rows = new(dialect);
    private readonly PatientEntryRows entryRows = new(dialect);

    public async Task<StoredState<PatientState>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        if (await rows.FindWithBookingsAsync(connection, key, cancellationToken) is not { } found) return null;
        // Version 0 means the grain never wrote: no no-shows to read (the usual case).
        var noShows = found.Version == 0 ? [] : await rows.ReadNoShowsAsync(connection, key, cancellationToken);
        var entries = await entryRows.ReadUndrawnAsync(connection, [key], cancellationToken);
        var state = new PatientState(found.Record.Profile, noShows, found.Record.Suspension, Stored(found.Bookings, entries, key), found.Removed);
        return new StoredState<PatientState>(state, found.Version);
    }

    public async Task<IReadOnlyDictionary<string, StoredState<PatientState>>> ReadManyAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var found = await rows.FindManyWithBookingsAsync(connection, keys, cancellationToken);
        // One read for the whole batch's entries: most patients have none.
        var entries = await entryRows.ReadUndrawnAsync(connection, found.Keys, cancellationToken);
        var states = new Dictionary<string, StoredState<PatientState>>(StringComparer.Ordinal);
        foreach (var (key, (record, version, removed, bookings)) in found)
        {
            // As in ReadAsync: only a patient the grain ever wrote (version > 0) has no-show rows.
            var noShows = version == 0 ? [] : await rows.ReadNoShowsAsync(connection, key, cancellationToken);
            var state = new PatientState(record.Profile, noShows, record.Suspension, Stored(bookings, entries, key), removed);
            states[key] = new StoredState<PatientState>(state, version);
        }
        return states;
    }

    private static StoredBookings Stored(List<BookedVisit> visits, Dictionary<string, List<DrawEntryPlace>> entries, string patientId) =>
        StoredBookings.Of(visits, entries.TryGetValue(patientId, out var found) ? found : []);

    public async Task WriteAsync(string key, long expectedVersion, IReadOnlyList<PatientChange> changes, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);

        DateTimeOffset? suspendedFrom = null;
        DateTimeOffset? suspendedUntil = null;
        foreach (var change in changes)
        {
            switch (change)
            {
                case BookingSuspended suspended:
                    (suspendedFrom, suspendedUntil) = (suspended.From, suspended.Until);
                    break;
                case SuspensionLifted lifted:
                    suspendedUntil = lifted.At;
                    break;
            }
        }

        var set = "version = @version, updated_at = @updated";
        if (suspendedFrom is not null) set += ", suspended_from = @from";
        if (suspendedUntil is not null) set += ", suspended_until = @until";
        await using (var update = transaction.CreateCommand($"UPDATE patients SET {set} WHERE patient_id = @patient AND version = @expected"))
        {
            SlotPoolRows.Bind(update, "version", expectedVersion + 1);
            SlotPoolRows.Bind(update, "updated", dialect.Instant(clock.GetUtcNow()));
            if (suspendedFrom is { } from) SlotPoolRows.Bind(update, "from", dialect.Instant(from));
            if (suspendedUntil is { } until) SlotPoolRows.Bind(update, "until", dialect.Instant(until));
            SlotPoolRows.Bind(update, "patient", key);
            SlotPoolRows.Bind(update, "expected", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1) throw new StorageVersionConflictException(key, expectedVersion);
        }

        // In the order decided: a no-show recorded and withdrawn in one batch leaves no row.
        foreach (var change in changes)
        {
            switch (change)
            {
                case NoShowRecorded noShow:
                    await using (var insert = transaction.CreateCommand(
                                     "INSERT INTO patient_no_shows (patient_id, reservation_id, occurred_at) VALUES (@patient, @reservation, @at)"))
                    {
                        SlotPoolRows.Bind(insert, "patient", key);
                        SlotPoolRows.Bind(insert, "reservation", noShow.ReservationId);
                        SlotPoolRows.Bind(insert, "at", dialect.Instant(noShow.At));
                        await insert.ExecuteNonQueryAsync(cancellationToken);
                    }
                    break;
                // The row goes: who withdrew it, when and why is in the audit log.
                case NoShowWithdrawn withdrawn:
                    await using (var delete = transaction.CreateCommand(
                                     "DELETE FROM patient_no_shows WHERE patient_id = @patient AND reservation_id = @reservation"))
                    {
                        SlotPoolRows.Bind(delete, "patient", key);
                        SlotPoolRows.Bind(delete, "reservation", withdrawn.ReservationId);
                        await delete.ExecuteNonQueryAsync(cancellationToken);
                    }
                    break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredBookings> ReadBookingsAsync(string patientId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var visits = await rows.ReadBookingsAsync(connection, patientId, cancellationToken);
        return Stored(visits, await entryRows.ReadUndrawnAsync(connection, [patientId], cancellationToken), patientId);
    }

    public async Task<PatientProfile?> FindProfileAsync(string patientId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await rows.FindAsync(connection, patientId, cancellationToken))?.Record.Profile;
    }

    public async Task SaveDetailsAsync(string patientId, string name, string phone, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE patients SET name = @name, phone = @phone, updated_at = @updated WHERE patient_id = @patient";
        SlotPoolRows.Bind(update, "name", name);
        SlotPoolRows.Bind(update, "phone", phone);
        SlotPoolRows.Bind(update, "updated", dialect.Instant(clock.GetUtcNow()));
        SlotPoolRows.Bind(update, "patient", patientId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string patientId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE patients SET removed_at = @at, updated_at = @at WHERE patient_id = @patient";
        SlotPoolRows.Bind(update, "at", dialect.Instant(at));
        SlotPoolRows.Bind(update, "patient", patientId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> AttachAsync(string patientId, string accountId, int patientsPerAccount, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        if (await rows.ManagedCountAsync(transaction, accountId, cancellationToken) >= patientsPerAccount) return false;
        await using (var update = transaction.CreateCommand(
            "UPDATE patients SET account_id = @account, removed_at = NULL, updated_at = @updated WHERE patient_id = @patient"))
        {
            SlotPoolRows.Bind(update, "account", accountId);
            SlotPoolRows.Bind(update, "updated", dialect.Instant(clock.GetUtcNow()));
            SlotPoolRows.Bind(update, "patient", patientId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
