using System.Net;
using System.Net.Sockets;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>
/// Stops start-up with a message naming the setting when a silo port is taken. Orleans would fail
/// too, but later and with a bare socket error that names neither the port's purpose nor the
/// setting. Runs in StartingAsync, before Orleans binds (a tiny window remains between the two).
/// </summary>
internal sealed partial class ClusterPortsCheck(ClusterPorts ports, ClusterSettings settings, ILogger<ClusterPortsCheck> logger) : StartUpCheck
{
    public override Task StartingAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.IsLoopback(settings.AdvertisedIPAddress) || !settings.UsesMySql ? IPAddress.Loopback : IPAddress.Any;
        // A configured 0 (or a bad value) was replaced by a port that was free a moment ago; probing it again only
        // widens the window in which another silo starting beside this one could take it.
        if (settings.SiloPort == ports.SiloPort) Check(address, ports.SiloPort, nameof(ClusterSettings.SiloPort));
        if (settings.GatewayPort == ports.GatewayPort) Check(address, ports.GatewayPort, nameof(ClusterSettings.GatewayPort));
        return Task.CompletedTask;
    }

    private void Check(IPAddress address, int port, string setting)
    {
        try
        {
            using var probe = new TcpListener(address, port);
            probe.Start();
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            var message = $"{ClusterSettings.SectionName}:{setting} {port} cannot be bound ({exception.SocketErrorCode}): another process uses it. " +
                          $"Give this silo another port (0 picks a free one).";
            LogPortTaken(message);
            throw new InvalidOperationException(message, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private partial void LogPortTaken(string message);
}
