using System.Text;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests.Service;

public sealed partial class BookingServiceClient
{
    /// <summary>
    /// The silo's <c>/metrics</c> (Prometheus text), or null when it cannot be read (no such route,
    /// busy, timed out): watching memory must never fail a rush.
    /// </summary>
    public async Task<string?> ReadMetricsAsync(CancellationToken ct)
    {
        using var response = await _transport.SendAsync(new ServiceRequest(Get, "metrics"), ct).ConfigureAwait(false);
        return response.Status is >= 200 and < 300 ? Encoding.UTF8.GetString(response.Body) : null;
    }
}
