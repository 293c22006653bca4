using System.Globalization;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Waitlist;

/// <summary>
/// <c>rush --waitlist</c>: the rush with cancellations during the crowd's minute and patients waiting
/// for the numbers they free; after the run every waiting patient's place is read back and
/// <see cref="WaitlistVerifier"/> checks it against the reservations.
/// </summary>
public sealed class WaitlistRush(WaitlistBehaviour behaviour) : IRushVariant
{
    private readonly WaitlistLedger _ledger = new();
    private VisitContext? _context;
    private UnknownOutcomes _unknown = UnknownOutcomes.None;

    public string Name => "waitlist";

    public TimeSpan WatchFor => behaviour.WatchFor;

    public IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["Booking:Waitlist:OfferMinutes"] = behaviour.OfferMinutes.ToString(CultureInfo.InvariantCulture),
    };

    public IReadOnlyDictionary<string, string> SiloSecrets { get; } = new Dictionary<string, string>();

    public IArrivalWork Visit(VisitContext context)
    {
        _context = context;
        return new WaitingPatientVisit(context, behaviour, _ledger);
    }

    /// <summary>Nothing to wait for: the patients' own watching outlasts the offers they let run out.</summary>
    public Task SettleAsync(TimeProvider clock, TextWriter? progress, CancellationToken ct) => Task.CompletedTask;

    public async Task<IReadOnlyList<Violation>> VerifyAsync(
        BookingServiceClient client, AdminSession admin, IReadOnlyList<PoolReadback> pools, DateTimeOffset readAt, CancellationToken ct)
    {
        var places = new List<FinalPlace>();
        // The read-back is not part of the rush, as the pools' is not: its answers (not_on_waitlist for
        // patients who took their offer) are kept out of the run's figures.
        var unmeasured = new Measurement.RunMeasurements(_context!.Measurements.Clock, _context.Measurements.Clock.GetTimestamp());
        foreach (var ((poolId, patientId), member) in _ledger.Joined)
        {
            var token = _context.Tokens.Of(member);
            var call = await PatientRetry.RunAsync(() => client.GetWaitlistPlaceAsync(poolId, patientId, token, ct),
                Measurement.RequestKind.Waitlist, unmeasured, _context.Scenario.Behaviour, ct).ConfigureAwait(false);
            places.Add(call.Outcome.Code == ProblemCodes.NotOnWaitlist
                ? new FinalPlace(poolId, patientId, null)
                : new FinalPlace(poolId, patientId, call.Body, Readable: call.Body is not null));
        }
        _unknown = WaitlistVerifier.Unknown(pools, _ledger.Offers);
        return WaitlistVerifier.Verify(pools, _ledger.Offers, places);
    }

    public ReportTable Summary()
    {
        var offers = _ledger.Offers;
        string Count(OfferAnswer answer) => Figures.Count(offers.Count(o => o.Answer == answer));
        return new ReportTable("Waitlist", ["item", "count"],
        [
            ["patients who joined a waitlist", Figures.Count(_ledger.Joined.Count)],
            ["offers seen", Figures.Count(offers.Count)],
            ["accepted (a reservation)", Count(OfferAnswer.Accepted)],
            ["declined", Count(OfferAnswer.Declined)],
            ["let run out", Count(OfferAnswer.LetLapse)],
            ["answer refused (offer_expired, …)", Count(OfferAnswer.Refused)],
            ["accept pressed, cut off unanswered (outcome unknown, no violation either way)", _unknown.Describe("holding the number")],
            ["offer length", $"{behaviour.OfferMinutes} min"],
        ]);
    }
}
