using System.Net.Http.Json;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Provisioning;

/// <summary>
/// Registers the run's patients, <c>{prefix}0 … {prefix}{count−1}</c>, through the admin bulk
/// route (<c>POST /api/admin/patients/bulk</c>), which gives each valid made-up real-name data.
/// A service without that route (404/405) is taken to accept any patient id, so the suite still
/// runs against it.
/// </summary>
public static class PatientProvisioner
{
    /// <summary>Patients per request: small enough that one request stays well inside the timeout.</summary>
    public const int ChunkSize = 10_000;

    private const int Attempts = 5;

    /// <returns>False when the service has no bulk registration route.</returns>
    public static async Task<bool> RegisterAsync(HttpClient http, string prefix, int count, TextWriter? progress, CancellationToken ct)
    {
        for (int first = 0; first < count; first += ChunkSize)
        {
            int chunk = Math.Min(ChunkSize, count - first);
            var outcome = await RegisterChunkAsync(http, prefix, first, chunk, ct).ConfigureAwait(false);
            if (first == 0 && outcome.Status is 404 or 405) return false;
            if (!outcome.IsSuccess)
                throw new ProvisioningException($"Registering patients {prefix}{first}…{prefix}{first + chunk - 1} failed: {outcome}.");
            // A line per 50,000: a large crowd takes a while to register, and silence looks like a hang.
            int done = first + chunk;
            if (done % 50_000 == 0 && done < count) progress?.WriteLine($"  registered {done:N0} of {count:N0} patients");
        }
        return true;
    }

    private static async Task<RequestOutcome> RegisterChunkAsync(HttpClient http, string prefix, int first, int count, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            RequestOutcome outcome;
            try
            {
                using var response = await http.PostAsJsonAsync("api/admin/patients/bulk",
                    new BulkPatients(prefix, count, first), BulkPatientsJson.Default.BulkPatients, ct).ConfigureAwait(false);
                outcome = new RequestOutcome((int)response.StatusCode, RequestOutcome.NoCode);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                outcome = new RequestOutcome(0, RequestOutcome.Timeout);
            }
            catch (HttpRequestException)
            {
                outcome = new RequestOutcome(0, RequestOutcome.TransportError);
            }
            // Registration skips ids that exist, so repeating a chunk after a timeout is harmless.
            if (!outcome.IsTransient || attempt == Attempts) return outcome;
            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), ct).ConfigureAwait(false);
        }
    }
}

/// <summary>Body of <c>POST /api/admin/patients/bulk</c>.</summary>
public sealed record BulkPatients(string PatientIdPrefix, int Count, int First);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(BulkPatients))]
public sealed partial class BulkPatientsJson : System.Text.Json.Serialization.JsonSerializerContext;
