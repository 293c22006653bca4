using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Benchmarks;

/// <summary>
/// What one remembered access token costs the silo (<see cref="VerifiedTokens"/>): the bytes the
/// cache keeps per signed-in session, and the time and allocation of a request whose token is
/// remembered. Tokens are real: built as sign-in builds them (<see cref="AccountSessions.Principal"/>,
/// the bearer handler's ticket and expiry) and protected by a real <see cref="TicketDataFormat"/>.
/// </summary>
public static class TokenCacheMemory
{
    public const string Usage = """
        Bytes kept per remembered access token, and the cost of a remembered one:
        Usage: dotnet run -c Release --project benchmarks -- token-cache [--sessions N] [--rounds N]
          --sessions N   signed-in sessions to remember (default 20000)
          --rounds N     rounds of the retained and per-hit measurements; medians are reported (default 5)
        """;

    public static int Run(string[] args, TextWriter output)
    {
        var counts = new Dictionary<string, int> { ["--sessions"] = 20_000, ["--rounds"] = 5 };
        if (!RoundArguments.TryParse(args, counts, Usage)) return 2;
        int sessions = counts["--sessions"], rounds = counts["--rounds"];

        output.WriteLine($"# Remembered access tokens: {sessions} sessions, median of {rounds} rounds");
        output.WriteLine(RoundArguments.Machine);
        var format = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("token-cache-benchmark"));
        var tokens = SignedInTokens(format, sessions);
        output.WriteLine($"# token length {tokens[0].Length} characters");

        // Warm-up: the key ring, the JIT and the cache's own statics are not the sessions' cost.
        var warm = Remembering(format, sessions);
        foreach (var token in tokens.Take(100)) Hit(warm, token);
        warm = null;

        var retained = new List<double>();
        var hitNs = new List<double>();
        var hitBytes = new List<double>();
        var openNs = new List<double>();
        var openBytes = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var (perSession, hit, open) = Round(format, tokens);
            retained.Add(perSession);
            hitNs.Add(hit.Ns);
            hitBytes.Add(hit.Bytes);
            openNs.Add(open.Ns);
            openBytes.Add(open.Bytes);
            output.WriteLine(FormattableString.Invariant(
                $"round {round}: retained {retained[^1],6:0} B/session  hit {hitNs[^1],6:0} ns {hitBytes[^1],5:0} B  open {openNs[^1],6:0} ns {openBytes[^1],5:0} B"));
        }

        output.WriteLine();
        // The fastest round as well as the median: on a shared machine a round is only ever slowed down.
        output.WriteLine("| retained per session | remembered token: time per request (median / fastest) | remembered token: allocated per request | opening a token: time (median / fastest) | opening a token: allocated |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        output.WriteLine(FormattableString.Invariant(
            $"| {RoundArguments.Median(retained):0} B | {RoundArguments.Median(hitNs):0} / {hitNs.Min():0} ns | {RoundArguments.Median(hitBytes):0} B | {RoundArguments.Median(openNs):0} / {openNs.Min():0} ns | {RoundArguments.Median(openBytes):0} B |"));
        GC.KeepAlive(tokens);
        return 0;
    }

    /// <summary>
    /// One round in its own frame, so that the previous round's cache is garbage, not a live local,
    /// when this one's starting heap is measured.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double PerSession, (double Ns, double Bytes) Hit, (double Ns, double Bytes) Open) Round(
        ISecureDataFormat<AuthenticationTicket> format, string[] tokens)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cache = Remembering(format, tokens.Length);
        foreach (var token in tokens) Hit(cache, token);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var hit = PerCall(tokens, 5, token => Hit(cache, token));
        GC.KeepAlive(cache);
        // For scale: opening a token, what every request would cost without the cache.
        var open = PerCall(tokens.Take(Math.Min(tokens.Length, 5_000)).ToArray(), 1, token => Hit(format, token));
        return ((after - before) / (double)tokens.Length, hit, open);
    }

    private static VerifiedTokens Remembering(ISecureDataFormat<AuthenticationTicket> format, int sessions) =>
        new(format, new AccountOptions { TokenCacheEntries = sessions, TokenCacheIdleSeconds = 3600 }, TimeProvider.System);

    /// <summary>What the bearer handler does with a token on every request: open it and read its expiry.</summary>
    private static void Hit(ISecureDataFormat<AuthenticationTicket> format, string token)
    {
        var ticket = format.Unprotect(token) ?? throw new InvalidOperationException("A signed-in token did not open.");
        if (ticket.Properties.ExpiresUtc is null || ticket.Principal.Identity?.IsAuthenticated != true)
            throw new InvalidOperationException("A signed-in token lost its expiry or its identity.");
    }

    /// <summary>Mean time and bytes allocated per call over <paramref name="passes"/> passes over the tokens, on this thread.</summary>
    private static (double Ns, double Bytes) PerCall(string[] tokens, int passes, Action<string> call)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var pass = 0; pass < passes; pass++)
            foreach (var token in tokens) call(token);
        watch.Stop();
        var calls = (double)tokens.Length * passes;
        return (watch.Elapsed.TotalNanoseconds / calls, (GC.GetAllocatedBytesForCurrentThread() - allocated) / calls);
    }

    /// <summary>Access tokens as sign-in issues them: the session's claims, the bearer handler's scheme and expiry.</summary>
    private static string[] SignedInTokens(ISecureDataFormat<AuthenticationTicket> format, int sessions)
    {
        var now = DateTimeOffset.UtcNow;
        var tokens = new string[sessions];
        for (var i = 0; i < sessions; i++)
        {
            var account = new Account(
                "acct-" + Guid.NewGuid().ToString("N"), AccountRoles.Patient, "+4479" + i.ToString("D8", CultureInfo.InvariantCulture),
                PasswordHash: null, DisplayName: "Patient", DoctorId: null, CreatedAt: now);
            var principal = AccountSessions.Principal(account, AccountSessions.NewSessionId(), Guid.NewGuid().ToString("N"));
            var properties = new AuthenticationProperties { ExpiresUtc = now.AddMinutes(60) };
            tokens[i] = format.Protect(new AuthenticationTicket(principal, properties, $"{AccountSessions.Scheme}:AccessToken"));
        }
        return tokens;
    }
}
