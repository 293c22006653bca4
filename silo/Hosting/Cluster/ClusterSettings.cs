using System.Net;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>How this silo finds the others and where its Orleans endpoints listen. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";
    public const string Localhost = "localhost";
    public const string MySql = "mysql";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
    public const string DefaultClusterId = "orleansbooking";
    public const string DefaultServiceId = "orleansbooking";
    public const string DefaultAdvertisedAddress = "127.0.0.1";

    // With these two, a silo that stops answering is declared dead within about 3 s of its last
    // answer (a killed process refuses connections at once, which is quicker still), inside the 5 s
    // the service promises for a lost silo's pools. Orleans' own defaults (5 s, 3) take 15 s.
    // Orleans adapts each probe's timeout between half and four times ProbeTimeout from the answers
    // it sees, so on a slow network the 3 s can stretch to 12 s.
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(1);
    public const int DefaultMissedProbesLimit = 3;

    /// <summary>"localhost" (the default: one silo, in-memory membership) or "mysql" (Orleans' ADO.NET membership and reminders in the MySQL database of Storage:ConnectionString).</summary>
    public string Provider { get; set; } = Localhost;

    /// <summary>Silo-to-silo port. Default 11111; 0 picks a free port at start (tests, several silos on one machine).</summary>
    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>Port for Orleans clients. Default 30000; 0 picks a free port at start.</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>Silos with the same cluster id form one cluster. Default "orleansbooking".</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>Stays the same across deployments of the service (Orleans keys durable data by it). Default "orleansbooking".</summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>
    /// The IP address other silos reach this one at (mysql clustering). The default, loopback, serves
    /// silos on one machine; silos on several machines each set their own reachable address.
    /// </summary>
    public string AdvertisedAddress { get; set; } = DefaultAdvertisedAddress;

    /// <summary>How long a probe of another silo may go unanswered (also how often silos probe each other). Default 1 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = DefaultProbeTimeout;

    /// <summary>Missed probes in a row after which a silo votes another dead. Default 3.</summary>
    public int MissedProbesLimit { get; set; } = DefaultMissedProbesLimit;

    public bool UsesMySql => string.Equals(Provider?.Trim(), MySql, StringComparison.OrdinalIgnoreCase);

    public IPAddress AdvertisedIPAddress => IPAddress.TryParse(AdvertisedAddress, out var address) ? address : IPAddress.Loopback;

    /// <param name="storageProvider">Storage:Provider, because mysql clustering keeps its tables in that database.</param>
    public IReadOnlyList<string> Validate(string? storageProvider)
    {
        var errors = new List<string>();
        var provider = Provider?.Trim().ToLowerInvariant();
        if (provider is not (Localhost or MySql))
            errors.Add($"{SectionName}:{nameof(Provider)} '{Provider}' is not supported: use '{Localhost}' (the default) or '{MySql}'.");
        else if (provider == MySql && !string.Equals(storageProvider?.Trim(), MySql, StringComparison.OrdinalIgnoreCase))
            errors.Add($"{SectionName}:{nameof(Provider)} '{MySql}' keeps Orleans' tables in the database, so it needs Storage:Provider '{MySql}' (is '{storageProvider}').");
        if (SiloPort is < 0 or > 65535) errors.Add($"{SectionName}:{nameof(SiloPort)} must be a TCP port or 0 (was {SiloPort}).");
        if (GatewayPort is < 0 or > 65535) errors.Add($"{SectionName}:{nameof(GatewayPort)} must be a TCP port or 0 (was {GatewayPort}).");
        if (SiloPort != 0 && SiloPort == GatewayPort)
            errors.Add($"{SectionName}:{nameof(SiloPort)} and {SectionName}:{nameof(GatewayPort)} must differ (both {SiloPort}).");
        if (string.IsNullOrWhiteSpace(ClusterId)) errors.Add($"{SectionName}:{nameof(ClusterId)} must not be empty.");
        if (string.IsNullOrWhiteSpace(ServiceId)) errors.Add($"{SectionName}:{nameof(ServiceId)} must not be empty.");
        if (ClusterId?.Length > 150) errors.Add($"{SectionName}:{nameof(ClusterId)} must be at most 150 characters.");
        if (ServiceId?.Length > 150) errors.Add($"{SectionName}:{nameof(ServiceId)} must be at most 150 characters.");
        if (!IPAddress.TryParse(AdvertisedAddress, out _))
            errors.Add($"{SectionName}:{nameof(AdvertisedAddress)} '{AdvertisedAddress}' must be an IP address (e.g. 10.0.0.5; 127.0.0.1 for silos on one machine).");
        if (ProbeTimeout <= TimeSpan.Zero || ProbeTimeout > TimeSpan.FromMinutes(1))
            errors.Add($"{SectionName}:{nameof(ProbeTimeout)} must be more than 0 and at most 00:01:00 (was {ProbeTimeout}).");
        if (MissedProbesLimit is < 1 or > 10) errors.Add($"{SectionName}:{nameof(MissedProbesLimit)} must be 1 to 10 (was {MissedProbesLimit}).");
        return errors;
    }
}
