using OrleansBooking.Tests.Storage;

namespace OrleansBooking.Tests.Invariants;

/// <summary>
/// What the database itself holds for a pool, read with plain SQL, bypassing every line of the
/// engine — so the invariants are checked against the truth, not against the engine's opinion.
/// </summary>
public sealed record StoredReservation(string ReservationId, string PatientId, int SequenceNumber, bool Active);

public sealed record StoredPoolRows(int Quota, IReadOnlyList<StoredReservation> Reservations)
{
    public IReadOnlyList<StoredReservation> Active => [.. Reservations.Where(r => r.Active)];

    public static async Task<StoredPoolRows> ReadAsync(TestDatabase database, string poolId)
    {
        await using var connection = await database.OpenRawAsync();
        await using var quotaQuery = connection.CreateCommand();
        quotaQuery.CommandText = $"SELECT quota FROM pools WHERE pool_id = '{poolId}'";
        var quota = Convert.ToInt32(await quotaQuery.ExecuteScalarAsync());

        await using var rows = connection.CreateCommand();
        rows.CommandText = $"SELECT reservation_id, patient_id, sequence_number, status FROM reservations WHERE pool_id = '{poolId}'";
        var reservations = new List<StoredReservation>();
        await using var reader = await rows.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var status = reader.GetString(3);
            reservations.Add(new StoredReservation(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2)),
                Active: status is not ("cancelled" or "no_show")));
        }
        return new StoredPoolRows(quota, reservations);
    }

    /// <summary>booked ≤ quota; one active reservation per patient; active numbers distinct and within 1..quota.</summary>
    public void AssertInvariants()
    {
        var active = Active;
        Assert.True(active.Count <= Quota, $"{active.Count} active reservations exceed the quota of {Quota}.");
        var twice = active.GroupBy(r => r.PatientId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Patients holding two numbers: {string.Join(", ", twice.Take(5))}.");
        var duplicated = active.GroupBy(r => r.SequenceNumber).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count == 0, $"Numbers held twice: {string.Join(", ", duplicated.Take(5))}.");
        var outside = active.Where(r => r.SequenceNumber < 1 || r.SequenceNumber > Quota).Select(r => r.SequenceNumber).ToList();
        Assert.True(outside.Count == 0, $"Numbers outside 1..{Quota}: {string.Join(", ", outside.Take(5))}.");
    }

    /// <summary>Every reservation a caller was told about exists, with the number the caller was told.</summary>
    public void AssertContains(IEnumerable<(string ReservationId, int SequenceNumber)> acknowledged)
    {
        var stored = Reservations.ToDictionary(r => r.ReservationId);
        foreach (var (id, number) in acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var row), $"Acknowledged reservation {id} is not in the database.");
            Assert.True(row!.SequenceNumber == number, $"Reservation {id} was acknowledged with number {number} but is stored with {row.SequenceNumber}.");
        }
    }
}
