using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>
/// Ready needs this silo to be an active member of its cluster: before it has joined, or once the
/// others have declared it dead (it then shuts down), a balancer must send its requests elsewhere.
/// The description names the cluster and how many silos are active in it.
/// </summary>
internal sealed class ClusterMembershipHealthCheck(
    IClusterMembershipService membership, ILocalSiloDetails local, ClusterSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        var description =
            $"Silo {local.SiloAddress} is {status} in cluster '{settings.ClusterId}' ({settings.Provider}), {active} active silo(s).";
        var data = new Dictionary<string, object>
        {
            ["silo"] = local.SiloAddress.ToString(),
            ["status"] = status.ToString(),
            ["activeSilos"] = active,
        };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy(description, data)
            : new HealthCheckResult(context.Registration.FailureStatus, description, data: data));
    }
}
