namespace OrleansBooking.LoadTests.Service;

/// <summary>
/// The suite signed in as an admin: every hospital-side call (creating pools, registering patients,
/// listing a pool's reservations) carries the admin token. A call answered 401 — the token expired
/// during a long run, or the service restarted with new keys — renews the token (refresh first, a
/// fresh sign-in if the refresh is refused) and is sent once more. A service without sign-in
/// (404 on the sign-in route) is called without a token, so the suite still runs against it.
/// </summary>
public sealed class AdminSession
{
    /// <summary>Where a missing admin is given; named in every error that asks for one.</summary>
    public const string HowToGiveAnAdmin = "give --admin-login and --admin-password (or set BOOKING_ADMIN_LOGIN and BOOKING_ADMIN_PASSWORD)";

    private readonly BookingServiceClient _client;
    private readonly AdminCredentials? _credentials;
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private Grant? _grant;
    private volatile bool _serviceHasNoSignIn;
    private int _renewals;

    /// <param name="credentials">Null to call without a token: fine for a service without accounts, refused (401) by one with them.</param>
    public AdminSession(BookingServiceClient client, AdminCredentials? credentials)
    {
        _client = client;
        _credentials = credentials;
    }

    /// <summary>How often a token was renewed after a 401.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>Signs in now, so wrong credentials stop a run before anything is provisioned. Without credentials, nothing to do.</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        if (_credentials is not null && Volatile.Read(ref _grant) is null && !_serviceHasNoSignIn)
            await RenewAsync(stale: null, ct).ConfigureAwait(false);
    }

    /// <param name="call">The call, given the token to send (null when there is none).</param>
    /// <param name="action">What the call does, for error messages, e.g. "Creating pool X".</param>
    /// <exception cref="AdminAccessException">The service refused the admin, or wants one and none was given.</exception>
    public async Task<ServiceCall<T>> CallAsync<T>(Func<BearerToken?, Task<ServiceCall<T>>> call, string action, CancellationToken ct)
        where T : class
    {
        await SignInAsync(ct).ConfigureAwait(false);
        var grant = Volatile.Read(ref _grant);
        var result = await call(grant?.Token).ConfigureAwait(false);
        if (result.Outcome.Status == 403) throw NotAnAdmin(action, result.Outcome);
        if (result.Outcome.Status != 401) return result;
        if (_credentials is null)
            throw new AdminAccessException($"{action} needs an admin and the service said {result.Outcome}: {HowToGiveAnAdmin}.");

        await RenewAsync(grant, ct).ConfigureAwait(false);
        result = await call(Volatile.Read(ref _grant)?.Token).ConfigureAwait(false);
        if (result.Outcome.Status is 401 or 403) throw NotAnAdmin(action, result.Outcome);
        return result;
    }

    private AdminAccessException NotAnAdmin(string action, Measurement.RequestOutcome outcome) =>
        new($"{action} was refused ({outcome}) with the token of {_credentials}: is it an admin account?");

    /// <summary>Replaces <paramref name="stale"/> (null: no token yet) unless another caller already did.</summary>
    private async Task RenewAsync(Grant? stale, CancellationToken ct)
    {
        await _renewing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(Volatile.Read(ref _grant), stale) || _serviceHasNoSignIn) return;
            if (stale?.RefreshToken is { } refreshToken)
            {
                var refreshed = await _client.RefreshAsync(refreshToken, ct).ConfigureAwait(false);
                if (refreshed.Outcome.IsSuccess && refreshed.Body is { } body)
                {
                    Replace(body, renewal: true);
                    return;
                }
            }
            var credentials = _credentials!;
            var (call, _) = await SignInRetry.SignInAsync(_client, credentials.Login, credentials.Password, ct).ConfigureAwait(false);
            if (call.Outcome.IsSuccess && call.Body is { } signedIn)
            {
                Replace(signedIn, renewal: stale is not null);
                return;
            }
            if (stale is null && call.Outcome.Status is 404 or 405)
            {
                _serviceHasNoSignIn = true;
                return;
            }
            throw new AdminAccessException(call.Outcome.Code switch
            {
                ProblemCodes.InvalidCredentials =>
                    $"Signing in as {credentials} was refused (wrong login or password). A silo creates its first admin only while its "
                    + $"database has none; against an existing database, {HowToGiveAnAdmin} of an admin it knows.",
                ProblemCodes.AccountLocked => $"Signing in as {credentials} was refused: the account is locked after failed sign-ins; try later.",
                _ => $"Signing in as {credentials} failed: {call.Outcome}.",
            });
        }
        finally
        {
            _renewing.Release();
        }
    }

    private void Replace(SignInResponse response, bool renewal)
    {
        Volatile.Write(ref _grant, new Grant(new BearerToken(response.AccessToken), response.RefreshToken));
        if (renewal) Interlocked.Increment(ref _renewals);
    }

    private sealed record Grant(BearerToken Token, string? RefreshToken);
}

/// <summary>The service wants an admin the suite cannot be; the message says what to give it.</summary>
public sealed class AdminAccessException(string message) : Exception(message);
