namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>Where this silo's Orleans endpoints listen. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
    public const string DefaultClusterId = "orleansbooking";
    public const string DefaultServiceId = "orleansbooking";

    /// <summary>Silo-to-silo port. Default 11111; 0 picks a free port at start (tests, several silos on one machine).</summary>
    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>Port for Orleans clients. Default 30000; 0 picks a free port at start.</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>Silos with the same cluster id form one cluster. Default "orleansbooking".</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>Stays the same across deployments of the service (Orleans keys durable data by it). Default "orleansbooking".</summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SiloPort is < 0 or > 65535) errors.Add($"{SectionName}:{nameof(SiloPort)} must be a TCP port or 0 (was {SiloPort}).");
        if (GatewayPort is < 0 or > 65535) errors.Add($"{SectionName}:{nameof(GatewayPort)} must be a TCP port or 0 (was {GatewayPort}).");
        if (string.IsNullOrWhiteSpace(ClusterId)) errors.Add($"{SectionName}:{nameof(ClusterId)} must not be empty.");
        if (string.IsNullOrWhiteSpace(ServiceId)) errors.Add($"{SectionName}:{nameof(ServiceId)} must not be empty.");
        return errors;
    }
}
