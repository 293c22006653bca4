using MySqlConnector;
using OrleansBooking.Tests.Invariants;
using OrleansBooking.Tests.Storage;

namespace OrleansBooking.Tests.Cluster;

/// <summary>What the database holds after a rush on a cluster, checked with plain SQL against what callers were told.</summary>
public static class ClusterVerdict
{
    /// <summary>
    /// Per pool: booked ≤ quota, one active reservation per patient, numbers distinct and in range;
    /// every acknowledged reservation stored with the number it was acknowledged with; and no patient of
    /// the run over the per-day limit across all pools (the patient grain is one per cluster).
    /// </summary>
    public static async Task AssertAsync(string connectionString, ClusterRush rush, IEnumerable<RushAttempt> answered, int perDayLimit)
    {
        var database = MariaDbTestDatabase.Existing(connectionString);
        var acknowledged = answered.Where(a => a.Outcome.Status == 201 && a.Reservation is not null).ToList();
        foreach (var pool in rush.PoolIds)
        {
            var stored = await StoredPoolRows.ReadAsync(database, pool);
            stored.AssertInvariants();
            stored.AssertContains(acknowledged.Where(a => a.PoolId == pool).Select(a => (a.Reservation!.ReservationId, a.Reservation.SequenceNumber)));
        }

        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var overLimit = connection.CreateCommand();
        overLimit.CommandText =
            "SELECT patient_id, COUNT(*) FROM reservations WHERE pool_id LIKE @run AND status NOT IN ('cancelled', 'no_show') " +
            "GROUP BY patient_id HAVING COUNT(*) > @limit LIMIT 5";
        overLimit.Parameters.AddWithValue("@run", rush.RunId + "-pool%");
        overLimit.Parameters.AddWithValue("@limit", perDayLimit);
        var over = new List<string>();
        await using var reader = await overLimit.ExecuteReaderAsync();
        while (await reader.ReadAsync()) over.Add($"{reader.GetString(0)} ({reader.GetInt64(1)})");
        Assert.True(over.Count == 0, $"Patients over the per-day limit of {perDayLimit}: {string.Join(", ", over)}.");
    }
}
