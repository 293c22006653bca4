using System.Threading.RateLimiting;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// The limit every request passes: its account's allowance, then its address's. An anonymous
/// caller meets only the address limit. Owns the buckets and frees them on dispose.
/// </summary>
/// <remarks>
/// The account comes first because the chain keeps the tokens of every link it passed (and the
/// middleware asks twice before it refuses): a request the account limit refuses then costs the
/// shared address (a NAT full of honest patients) nothing.
/// </remarks>
public sealed class CallerRateLimits : IDisposable, IAsyncDisposable
{
    private readonly KeyedTokenBuckets<string> perAccount;
    private readonly KeyedTokenBuckets<ClientNetwork> perAddress;

    public CallerRateLimits(RateLimitOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        perAccount = new KeyedTokenBuckets<string>(AccountOf, options.PerAccount, clock);
        perAddress = new KeyedTokenBuckets<ClientNetwork>(AddressOf, options.PerAddress, clock);
        Limiter = PartitionedRateLimiter.CreateChained<HttpContext>(perAccount, perAddress);
    }

    /// <summary>The limiter for <see cref="Microsoft.AspNetCore.RateLimiting.RateLimiterOptions.GlobalLimiter"/>.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose()
    {
        // The chain does not dispose its links.
        Limiter.Dispose();
        perAccount.Dispose();
        perAddress.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Limiter.DisposeAsync();
        await perAccount.DisposeAsync();
        await perAddress.DisposeAsync();
    }

    /// <summary>
    /// Admins have no per-account bucket: they are few, made by other admins, audited, and their
    /// tools legitimately open dozens of pools or register patients in bulk in a second. Their
    /// address is still limited. Patients and doctors are.
    /// </summary>
    private static bool AccountOf(HttpContext context, out string accountId)
    {
        accountId = context.User.AccountIdOf() ?? "";
        return accountId.Length > 0 && !UnlimitedPaths.Includes(context.Request.Path) && context.User.RoleOf() != AccountRoles.Admin;
    }

    /// <summary>
    /// No address (the in-process test server, a Unix socket behind a proxy) means nothing tells
    /// callers apart; one shared bucket would throttle every patient together, so none applies.
    /// </summary>
    internal static bool AddressOf(HttpContext context, out ClientNetwork network)
    {
        network = context.Connection.RemoteIpAddress is { } address ? ClientNetwork.Of(address) : ClientNetwork.None;
        return network != ClientNetwork.None && !UnlimitedPaths.Includes(context.Request.Path);
    }
}
