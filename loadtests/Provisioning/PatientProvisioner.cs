using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Provisioning;

/// <summary>How the service took the run's patients, which decides whether they sign in.</summary>
public enum PatientRegistration
{
    /// <summary>No bulk registration route (404/405): the service is taken to accept any patient id, without tokens.</summary>
    NotSupported,
    /// <summary>Registered, but the service answered without <c>accountsCreated</c>: it has no patient accounts to sign in to.</summary>
    WithoutAccounts,
    /// <summary>Registered, each with an account whose login is the patient id and whose password is the run's.</summary>
    WithAccounts,
}

/// <summary>
/// Registers the run's patients, <c>{prefix}0 … {prefix}{count−1}</c>, through the admin bulk
/// route (<c>POST /api/admin/patients/bulk</c>), which gives each valid made-up real-name data and,
/// given the run's password, a patient account to sign in with.
/// </summary>
public static class PatientProvisioner
{
    /// <summary>Patients per request: small enough that one request stays well inside the timeout.</summary>
    public const int ChunkSize = 10_000;

    private const int Attempts = 5;

    /// <param name="prefix">Must read as a login (a–z first, then a–z 0–9 . _ -): each patient id becomes one.</param>
    public static async Task<PatientRegistration> RegisterAsync(
        BookingServiceClient client, AdminSession admin, string prefix, int count, string password, TextWriter? progress, CancellationToken ct)
    {
        bool withAccounts = true;
        for (int first = 0; first < count; first += ChunkSize)
        {
            int chunk = Math.Min(ChunkSize, count - first);
            var call = await RegisterChunkAsync(client, admin, new BulkPatients(prefix, chunk, first, password), ct).ConfigureAwait(false);
            if (first == 0 && call.Outcome.Status is 404 or 405) return PatientRegistration.NotSupported;
            if (!call.Outcome.IsSuccess)
                throw new ProvisioningException($"Registering patients {prefix}{first}…{prefix}{first + chunk - 1} failed: {call.Outcome}.");
            // A service from before patient accounts ignores the password and leaves accountsCreated out.
            withAccounts &= call.Body?.AccountsCreated is not null;
            // A line per 50,000: a large crowd takes a while to register, and silence looks like a hang.
            int done = first + chunk;
            if (done % 50_000 == 0 && done < count) progress?.WriteLine($"  registered {done:N0} of {count:N0} patients");
        }
        return withAccounts ? PatientRegistration.WithAccounts : PatientRegistration.WithoutAccounts;
    }

    private static async Task<ServiceCall<BulkRegistration>> RegisterChunkAsync(
        BookingServiceClient client, AdminSession admin, BulkPatients chunk, CancellationToken ct)
    {
        string action = $"Registering patients {chunk.PatientIdPrefix}{chunk.First}…";
        for (int attempt = 1; ; attempt++)
        {
            var call = await admin.CallAsync(token => client.RegisterPatientsAsync(chunk, token, ct), action, ct).ConfigureAwait(false);
            // Registration skips ids (and accounts) that exist, so repeating a chunk after a timeout is harmless.
            if (!call.Outcome.IsTransient || attempt == Attempts) return call;
            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), ct).ConfigureAwait(false);
        }
    }
}
