using System.Globalization;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Lottery;

/// <summary>
/// <c>rush --lottery</c>: the rush on pools that draw their numbers among the requests of the first
/// minutes after the release; after the run each pool's audit is read and
/// <see cref="LotteryVerifier"/> checks it against the reservations, the entries the crowd was
/// answered and what each entrant read of their own result.
/// </summary>
public sealed class LotteryRush(LotteryBehaviour behaviour) : IRushVariant
{
    /// <summary>Tries at each audit before it counts as unreadable: a 503 is the service's, not the draw's.</summary>
    private const int AuditReads = 3;

    private readonly DrawLedger _ledger = new();

    public string Name => "lottery";

    /// <summary>An entrant waits for the window to close and then looks for its result; the drain waits for it.</summary>
    public TimeSpan WaitsFor => behaviour.Window + behaviour.LookFor;

    public NewLottery PoolLottery => new(behaviour.WindowMinutes);

    /// <summary>Nothing to set: the window is each pool's own.</summary>
    public IReadOnlyDictionary<string, string> SiloSettings { get; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> SiloSecrets { get; } = new Dictionary<string, string>();

    public IArrivalWork Visit(VisitContext context) => new DrawingPatientVisit(context, behaviour, _ledger);

    /// <summary>Nothing to wait for: entrants look until their draw shows a result, within the drain.</summary>
    public Task SettleAsync(TimeProvider clock, TextWriter? progress, CancellationToken ct) => Task.CompletedTask;

    public async Task<IReadOnlyList<Violation>> VerifyAsync(
        BookingServiceClient client, AdminSession admin, IReadOnlyList<PoolReadback> pools, DateTimeOffset readAt, CancellationToken ct)
    {
        var draws = new List<DrawReadback>();
        foreach (var pool in pools)
        {
            ServiceCall<DrawAudit> call;
            int attempt = 0;
            do call = await admin.CallAsync(token => client.GetDrawAuditAsync(pool.PoolId, token, ct), $"Reading the draw of {pool.PoolId}", ct)
                .ConfigureAwait(false);
            while (call.Outcome.IsTransient && ++attempt < AuditReads);
            draws.Add(new DrawReadback(pool.PoolId, call.Body));
        }
        return LotteryVerifier.Verify(draws, pools, _ledger.Entries, _ledger.Reads, readAt);
    }

    public ReportTable Summary()
    {
        var reads = _ledger.Reads;
        string Count(string status) => Figures.Count(reads.Count(r => r.Entry?.Status == status));
        return new ReportTable("Lottery", ["item", "count"],
        [
            ["entries answered 202", Figures.Count(_ledger.Entries.Count)],
            ["entrants who read a win", Count(AccountDrawEntry.Won)],
            ["entrants who read not drawn", Count(AccountDrawEntry.NotDrawn)],
            ["entrants who still read entered", Count(AccountDrawEntry.Entered)],
            ["draw window", string.Create(CultureInfo.InvariantCulture, $"{behaviour.WindowMinutes} min")],
        ]);
    }
}
