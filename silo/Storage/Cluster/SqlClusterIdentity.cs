using MySqlConnector;

namespace OrleansBooking.Silo.Storage.Cluster;

/// <summary>
/// What the database says about the clusters on it: the service each cluster id was first started
/// for (<c>cluster_identity</c>, ours) and the cluster ids with live silos (Orleans' membership table).
/// </summary>
internal sealed class SqlClusterIdentity(string connectionString)
{
    /// <summary>Records <paramref name="serviceId"/> for <paramref name="clusterId"/> unless one is recorded; answers the recorded one.</summary>
    public async Task<string> RecordAsync(string clusterId, string serviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT IGNORE INTO cluster_identity (cluster_id, service_id, recorded_at) VALUES (@cluster, @service, @at); " +
            "SELECT service_id FROM cluster_identity WHERE cluster_id = @cluster;";
        command.Parameters.AddWithValue("@cluster", clusterId);
        command.Parameters.AddWithValue("@service", serviceId);
        command.Parameters.AddWithValue("@at", now.UtcDateTime);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Cluster ids other than <paramref name="clusterId"/> with an active silo that reported alive since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<string>> OtherLiveClustersAsync(string clusterId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Status 3 is Orleans' SiloStatus.Active; IAmAliveTime is written in UTC.
        command.CommandText =
            "SELECT DISTINCT DeploymentId FROM OrleansMembershipTable " +
            "WHERE Status = 3 AND IAmAliveTime > @since AND DeploymentId <> @cluster ORDER BY DeploymentId";
        command.Parameters.AddWithValue("@cluster", clusterId);
        command.Parameters.AddWithValue("@since", since.UtcDateTime);
        var clusters = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) clusters.Add(reader.GetString(0));
        return clusters;
    }
}
