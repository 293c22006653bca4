using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Provisioning;

/// <summary>
/// Signs every patient of the run in before the release, as patients' apps are signed in before
/// 08:00, and keeps each one's access token. Signing in costs the service a password hash per
/// patient, so it is done here, unmeasured, rather than inside the rush. Sign-ins run a bounded
/// number at a time: enough to keep the service busy, few enough not to queue behind one another
/// into timeouts. Busy answers (503, 429, timeouts) are retried; anything else stops the run.
/// </summary>
public static class PatientSignIn
{
    /// <summary>Default sign-ins in flight at once.</summary>
    public const int DefaultParallelism = 32;

    /// <summary>A progress line per this many patients signed in: a large crowd takes a while, and silence looks like a hang.</summary>
    private const int ProgressEvery = 25_000;

    /// <param name="prefix">Patient n of the run is <c>{prefix}n</c>, which is also its account's login.</param>
    public static async Task<PatientTokens> RunAsync(
        BookingServiceClient client, string prefix, int count, string password, TimeProvider clock, TextWriter? progress, CancellationToken ct,
        int parallelism = DefaultParallelism)
    {
        var tokens = new BearerToken?[count];
        long start = clock.GetTimestamp();
        int signedIn = 0, retries = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (member, token) =>
            {
                string login = prefix + member;
                var (call, retried) = await SignInRetry.SignInAsync(client, login, password, token).ConfigureAwait(false);
                if (!call.Outcome.IsSuccess || call.Body is not { } body)
                    throw new ProvisioningException($"Signing in patient {login} failed: {call.Outcome} (after {retried + 1} attempts).");
                tokens[member] = new BearerToken(body.AccessToken);
                Interlocked.Add(ref retries, retried);
                int done = Interlocked.Increment(ref signedIn);
                if (done % ProgressEvery == 0 && done < count) progress?.WriteLine($"  signed in {done:N0} of {count:N0} patients");
            }).ConfigureAwait(false);
        return new PatientTokens(tokens, new SignInSummary(count, clock.GetElapsedTime(start), retries));
    }
}
