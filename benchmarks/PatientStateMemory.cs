using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Benchmarks;

/// <summary>
/// What one active patient grain keeps of our own, beside what Orleans keeps per activation: its
/// <see cref="GroupCommit{TState, TChange}"/> with the decided and committed <see cref="PatientState"/>,
/// the profile, and the <see cref="PatientBookings"/> built from the load. The state is made as the
/// SQL storage makes it for a registered patient who never wrote (no no-shows, no suspension) and
/// holds no bookings, the usual patient, and loaded through <see cref="GroupCommit{TState, TChange}.LoadAsync"/>
/// as an activation loads it. The grain object itself (≈ 120 B) needs an Orleans activation and is
/// not counted.
/// </summary>
public static class PatientStateMemory
{
    public const string Usage = """
        Bytes kept per active patient grain's own state (no bookings; after one refused attempt; with one reservation):
        Usage: dotnet run -c Release --project benchmarks -- patient-state [--patients N] [--rounds N]
          --patients N   patient states to keep (default 20000)
          --rounds N     rounds; medians are reported (default 5)
        """;

    private static readonly DateOnly VisitDate = new(2026, 12, 9);
    private static readonly PatientLimits Limits = new();
    private static readonly GrainOptions Options = new();
    private static readonly OneAtATime Storage = new();
    // Pools are shared by all patients (10,000 pools for 200,000 patients): their ids are not a patient's cost.
    private static readonly string[] PoolIds = [.. Enumerable.Range(0, 100).Select(i => $"pool-{i:D5}")];

    private enum Scenario { Activated, RefusedAttempt, OneReservation }

    public static int Run(string[] args, TextWriter output)
    {
        var counts = new Dictionary<string, int> { ["--patients"] = 20_000, ["--rounds"] = 5 };
        if (!RoundArguments.TryParse(args, counts, Usage)) return 2;
        int patients = counts["--patients"], rounds = counts["--rounds"];

        output.WriteLine($"# Active patient grain state: {patients} patients, median of {rounds} rounds");
        output.WriteLine(RoundArguments.Machine);
        var scenarios = Enum.GetValues<Scenario>();
        // Warm-up: the JIT, the type handles and the statics are not the patients' cost.
        foreach (var scenario in scenarios) Round(scenario, 100);

        var retained = scenarios.ToDictionary(s => s, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var scenario in scenarios) retained[scenario].Add(Round(scenario, patients));
            output.WriteLine(FormattableString.Invariant(
                $"round {round}: {string.Join("  ", scenarios.Select(s => $"{s} {retained[s][^1],5:0} B"))}"));
        }

        output.WriteLine();
        output.WriteLine("| retained per patient: activated, no bookings | after one attempt the pool refused (sold out) | with one reservation |");
        output.WriteLine("|---:|---:|---:|");
        output.WriteLine(FormattableString.Invariant(
            $"| {RoundArguments.Median(retained[Scenario.Activated]):0} B | {RoundArguments.Median(retained[Scenario.RefusedAttempt]):0} B | {RoundArguments.Median(retained[Scenario.OneReservation]):0} B |"));
        return 0;
    }

    /// <summary>
    /// One round in its own frame, so that the previous round's states are garbage, not live locals,
    /// when this one's starting heap is measured. The holders are allocated before the first measurement.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static double Round(Scenario scenario, int patients)
    {
        var commits = new GroupCommit<PatientState, PatientChange>[patients];
        var bookings = new PatientBookings[patients];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < patients; i++)
        {
            (commits[i], bookings[i]) = Activate(i);
            var pool = PoolIds[i % PoolIds.Length];
            if (scenario == Scenario.RefusedAttempt) RefusedAttempt(bookings[i], pool);
            if (scenario == Scenario.OneReservation) Reserved(bookings[i], pool, i);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(commits);
        GC.KeepAlive(bookings);
        return (after - before) / (double)patients;
    }

    /// <summary>What <c>PatientGrain.OnActivateAsync</c> keeps: the loaded group commit and the bookings built from it.</summary>
    private static (GroupCommit<PatientState, PatientChange>, PatientBookings) Activate(int i)
    {
        var key = "pt-" + i.ToString("D8", CultureInfo.InvariantCulture);
        Storage.Next = Loaded(key);
        var commit = GroupCommit<PatientState, PatientChange>.LoadAsync(
            key, "PatientGrain", Storage, PatientState.Unregistered, Options, NullLogger.Instance, onStale: () => { }).GetAwaiter().GetResult();
        return (commit, PatientBookings.Load(commit.State.LoadedBookings, DateTimeOffset.UtcNow));
    }

    /// <summary>A registered patient as the SQL storage reads one that never wrote and holds nothing: fresh lists, as its rows give.</summary>
    private static PatientState Loaded(string key)
    {
        var profile = new PatientProfile(
            key, "acct-" + Guid.NewGuid().ToString("N"), "Patient " + key, "11010519491231002X", "+8613800138000",
            new DateOnly(1949, 12, 31), Sex.Female, DateTimeOffset.UtcNow);
        var visits = new List<BookedVisit>();
        var noShows = new List<NoShow>();
        return new PatientState(profile, noShows, null, StoredBookings.Of(visits, []));
    }

    /// <summary>The reads and the held place of a reservation attempt the pool answers sold out, as <c>PatientGrain.ReserveAsync</c> makes them.</summary>
    private static void RefusedAttempt(PatientBookings bookings, string poolId)
    {
        var now = DateTimeOffset.UtcNow;
        var day = new VisitDay(VisitDate, "dept-01");
        if (bookings.HasPlacesInDoubt || bookings.HasEntryDrawnBy(now)) throw new InvalidOperationException("Nothing is in doubt.");
        if (bookings.Made(poolId, "key") || bookings.Holds(poolId) || bookings.IsEntered(poolId, now) || bookings.IsInDoubt(poolId))
            throw new InvalidOperationException("Nothing is held.");
        if (bookings.Exceeded(day, Limits) is not null) throw new InvalidOperationException("No limit is reached.");
        bookings.Hold(poolId, day);
        bookings.Settle(poolId);
        bookings.Release();
    }

    private static void Reserved(PatientBookings bookings, string poolId, int i)
    {
        RefusedAttempt(bookings, poolId);
        var day = new VisitDay(VisitDate, "dept-01");
        bookings.Hold(poolId, day);
        var reservation = new Reservation(
            "rsv-" + Guid.NewGuid().ToString("N"), poolId, "pt-" + i.ToString("D8", CultureInfo.InvariantCulture), 1,
            DateTimeOffset.UtcNow, ReservationStatus.PendingPayment, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
        bookings.Settle(poolId);
        bookings.Confirm(reservation, day);
    }

    /// <summary>One storage for all patients, as the silo has: it gives the state made for the patient being loaded.</summary>
    private sealed class OneAtATime : IChangeStorage<PatientState, PatientChange>
    {
        public PatientState? Next { get; set; }

        public Task<StoredState<PatientState>?> ReadAsync(string key, CancellationToken cancellationToken) =>
            Task.FromResult<StoredState<PatientState>?>(new StoredState<PatientState>(Next!, 0));

        public Task WriteAsync(string key, long expectedVersion, IReadOnlyList<PatientChange> changes, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Nothing is written here.");
    }
}
