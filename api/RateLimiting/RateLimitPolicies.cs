namespace OrleansBooking.Api.RateLimiting;

/// <summary>Named rate limits a route can add with <c>.RequireRateLimiting(name)</c>, on top of the per-account and per-address ones.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in and registration: <see cref="RateLimitOptions.SignIn"/> per client address.</summary>
    public const string SignIn = "sign-in";
}
