namespace OrleansBooking.LoadTests.Service;

public sealed partial class BookingServiceClient
{
    /// <summary>
    /// The silo's <c>/metrics</c> (Prometheus text), or null when it cannot be read (no such route,
    /// busy, timed out): watching memory must never fail a rush.
    /// </summary>
    public async Task<string?> ReadMetricsAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync("metrics", ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false) : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return null; }
        catch (HttpRequestException) { return null; }
        catch (IOException) { return null; }
    }
}
