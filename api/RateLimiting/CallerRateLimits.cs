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
    /// <summary>The partition of anonymous callers; no account id is empty.</summary>
    private const string NoAccount = "";

    private readonly PartitionedRateLimiter<HttpContext> perAccount;
    private readonly PartitionedRateLimiter<HttpContext> perAddress;

    public CallerRateLimits(RateLimitOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        // Made once: the partitioners run on every request and must not allocate a delegate each time.
        Func<string, RateLimiter> newAccountBucket = _ => new TokenBucket(options.PerAccount, clock);
        Func<ClientNetwork, RateLimiter> newAddressBucket = _ => new TokenBucket(options.PerAddress, clock);
        perAccount = PartitionedRateLimiter.Create<HttpContext, string>(context => AccountPartition(context, newAccountBucket));
        perAddress = PartitionedRateLimiter.Create<HttpContext, ClientNetwork>(context => AddressPartition(context, newAddressBucket));
        Limiter = PartitionedRateLimiter.CreateChained(perAccount, perAddress);
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
    private static RateLimitPartition<string> AccountPartition(HttpContext context, Func<string, RateLimiter> newBucket) =>
        UnlimitedPaths.Includes(context.Request.Path) || context.User.AccountIdOf() is not { Length: > 0 } accountId
            || context.User.RoleOf() == AccountRoles.Admin
            ? RateLimitPartition.GetNoLimiter(NoAccount)
            : RateLimitPartition.Get(accountId, newBucket);

    /// <summary>
    /// No address (the in-process test server, a Unix socket behind a proxy) means nothing tells
    /// callers apart; one shared bucket would throttle every patient together, so none applies.
    /// </summary>
    internal static RateLimitPartition<ClientNetwork> AddressPartition(HttpContext context, Func<ClientNetwork, RateLimiter> newBucket) =>
        UnlimitedPaths.Includes(context.Request.Path) || context.Connection.RemoteIpAddress is not { } address
            ? RateLimitPartition.GetNoLimiter(ClientNetwork.None)
            : RateLimitPartition.Get(ClientNetwork.Of(address), newBucket);
}
