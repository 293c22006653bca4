using System.Text.Json.Nodes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>Who a request's token says is calling.</summary>
public sealed record FakeCaller(string AccountId, string Role);

/// <summary>
/// The sign-in half of <see cref="FakeBookingService"/>: an admin, the patient accounts bulk
/// registration creates (login = patient id), opaque access and refresh tokens, and the faults
/// the suite must survive (expired tokens, refused refreshes, a service too busy to sign anyone in).
/// Not thread-safe on its own: the service calls it under its lock.
/// </summary>
public sealed class FakeAccounts
{
    public const string AdminLogin = "test-admin";
    public const string AdminPassword = "test-admin-password";

    private readonly Dictionary<string, (string Password, string Role)> _accounts = new()
    {
        [AdminLogin] = (AdminPassword, "admin"),
    };
    private readonly Dictionary<string, FakeCaller> _accessTokens = new();
    private readonly Dictionary<string, FakeCaller> _refreshTokens = new();
    private int _signInRequests;

    /// <summary>Answer this many of the first sign-ins with 503 overloaded.</summary>
    public int OverloadFirstSignIns { get; init; }

    /// <summary>Refuse every refresh token, as after the session was signed out: only a fresh sign-in helps.</summary>
    public bool RefuseRefresh { get; set; }

    public int AdminSignIns { get; private set; }
    public int PatientSignIns { get; private set; }
    public int Refreshes { get; private set; }

    /// <summary>Every access token issued so far stops working, as when they expire during a long run.</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <returns>How many accounts were new.</returns>
    public int AddPatients(IEnumerable<string> patientIds, string password) =>
        patientIds.Count(id => _accounts.TryAdd(id, (password, "patient")));

    public FakeCaller? CallerOf(HttpRequestMessage request) =>
        request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token } && _accessTokens.TryGetValue(token, out var caller) ? caller : null;

    public HttpResponseMessage SignIn(JsonObject body)
    {
        if (++_signInRequests <= OverloadFirstSignIns) return FakeBookingService.Problem(503, "overloaded");
        string login = body["login"]!.GetValue<string>(), password = body["password"]!.GetValue<string>();
        if (!_accounts.TryGetValue(login, out var account) || account.Password != password) return FakeBookingService.Problem(401, "invalid_credentials");
        if (account.Role == "admin") AdminSignIns++;
        else PatientSignIns++;
        return Issue(new FakeCaller(login, account.Role));
    }

    public HttpResponseMessage Refresh(JsonObject body)
    {
        if (RefuseRefresh || !_refreshTokens.TryGetValue(body["refreshToken"]!.GetValue<string>(), out var caller))
            return FakeBookingService.Problem(401, "invalid_refresh_token");
        Refreshes++;
        return Issue(caller);
    }

    private HttpResponseMessage Issue(FakeCaller caller)
    {
        string access = "at-" + Guid.NewGuid().ToString("N"), refresh = "rt-" + Guid.NewGuid().ToString("N");
        _accessTokens[access] = caller;
        _refreshTokens[refresh] = caller;
        return FakeBookingService.Json(200, new JsonObject
        {
            ["tokenType"] = "Bearer", ["accessToken"] = access, ["expiresIn"] = 3600, ["refreshToken"] = refresh,
        });
    }
}
