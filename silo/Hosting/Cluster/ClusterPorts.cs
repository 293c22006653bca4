using System.Net;
using System.Net.Sockets;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>The silo's two Orleans ports as it will bind them: a configured 0 is replaced by a port free at start.</summary>
public sealed record ClusterPorts(int SiloPort, int GatewayPort)
{
    // A port out of range is replaced too, so that building the silo does not throw before
    // options validation can stop start-up with a message naming the setting.
    public static ClusterPorts Resolve(ClusterSettings settings) => new(Port(settings.SiloPort), Port(settings.GatewayPort));

    private static int Port(int configured) => configured is > 0 and <= 65535 ? configured : FreePort();

    /// <summary>A TCP port free right now on the loopback interface.</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
