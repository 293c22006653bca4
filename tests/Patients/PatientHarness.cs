using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using OrleansBooking.Grains.Patients;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Grains.Lottery;
using OrleansBooking.Tests.Lottery;

namespace OrleansBooking.Tests.Patients;

/// <summary>
/// Patients in front of slot pools, both grains of one Orleans test silo over in-memory storage,
/// with a fake clock at the pools' release. The patients' records are read from what the pools committed,
/// as the SQL storage reads them from the reservations rows.
/// </summary>
public sealed class PatientHarness : IAsyncDisposable, IPatientRecords
{
    /// <summary>08:00 in Beijing on 30 Nov 2026: the pools are released then.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The first visit day the tests book (a Monday).</summary>
    public static readonly DateOnly Monday = new(2026, 12, 7);

    private readonly ConcurrentDictionary<string, PatientProfile> profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PatientProfile> removed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> poolIds = new(StringComparer.Ordinal);
    private int bookingReads;

    private readonly Func<ISlotPoolGrainFactory, ISlotPoolGrainFactory>? wrapPools;
    private GrainHost? host;

    private PatientHarness(PatientLimits? limits, Func<ISlotPoolGrainFactory, ISlotPoolGrainFactory>? wrapPools)
    {
        Limits = limits ?? new PatientLimits();
        this.wrapPools = wrapPools;
    }

    /// <param name="wrapPools">Wraps the pools the patient grains call (not the harness's own <see cref="Pools"/>).</param>
    public static async Task<PatientHarness> StartAsync(PatientLimits? limits = null, Func<ISlotPoolGrainFactory, ISlotPoolGrainFactory>? wrapPools = null)
    {
        var harness = new PatientHarness(limits, wrapPools);
        harness.host = await harness.StartHostAsync(new FakeTimeProvider(Now));
        return harness;
    }

    /// <summary>
    /// The silo stops and a new one starts on the same storage, records and clock: every grain is
    /// loaded again from what was committed, as after a restart on the same database.
    /// </summary>
    public async Task RestartAsync()
    {
        var clock = Clock;
        await Host.DisposeAsync();
        host = null;
        host = await StartHostAsync(clock);
    }

    private Task<GrainHost> StartHostAsync(FakeTimeProvider clock) =>
        GrainHost.StartAsync(clock, services =>
        {
            services.AddSingleton<IChangeStorage<SlotPoolState, SlotPoolChange>>(PoolStorage);
            services.AddSingleton<IChangeStorage<PatientState, PatientChange>>(PatientStorage);
            services.AddSingleton<IPatientRecords>(this);
            services.AddSingleton<IDrawListener, PatientDrawListener>();
            services.AddSingleton<IIncomingGrainCallFilter>(DrawTold);
            if (wrapPools is { } wrap)
                services.AddSingleton(sp => wrap(new OrleansSlotPools(sp.GetRequiredService<IGrainFactory>())));
        }, limits: Limits);

    public GrainHost Host => host ?? throw new InvalidOperationException("Not started.");

    public FakeTimeProvider Clock => Host.Clock;

    public PatientLimits Limits { get; }

    /// <summary>Signals each patient grain's taking of a draw's one-way result.</summary>
    public DrawToldWatch DrawTold { get; } = new();

    public InMemoryChangeStorage<SlotPoolState, SlotPoolChange> PoolStorage { get; } = new(SlotPoolState.Empty);

    public InMemoryChangeStorage<PatientState, PatientChange> PatientStorage { get; } = new(PatientState.Unregistered);

    /// <summary>The pools themselves, never wrapped.</summary>
    public ISlotPoolGrainFactory Pools => new OrleansSlotPools(Host.Grains);

    public IPatientGrain Patient(string patientId) => Host.Patient(patientId);

    /// <summary>How often a patient grain re-read its reservations from the "database".</summary>
    public int BookingReads => Volatile.Read(ref bookingReads);

    public void Register(string patientId) =>
        profiles[patientId] = new PatientProfile(patientId, "acct-" + patientId, "Test Patient", "11010519491231002X", "13912345678",
            new DateOnly(1949, 12, 31), Sex.Female, Now);

    /// <summary>
    /// A released pool with ample quota on <paramref name="date"/>, in <paramref name="department"/> (or none);
    /// with <paramref name="draw"/>, a pool released now whose draw's window is open.
    /// </summary>
    public async Task<string> OpenPoolAsync(string poolId, DateOnly date, string? department, int quota = 30, LotteryWindow? draw = null)
    {
        var definition = new PoolDefinition(poolId, "dr-" + poolId, date, ClinicSession.Morning, new TimeOnly(8, 0), 10, quota, 50m,
            draw is null ? Now - TimeSpan.FromHours(1) : Now, department) { LotteryWindow = draw };
        Assert.IsType<CreatePoolOutcome.Created>(await Pools.GetSlotPool(poolId).CreateAsync(definition));
        poolIds[poolId] = 0;
        return poolId;
    }

    public Task<PatientReserveOutcome> ReserveAsync(string patientId, string poolId, string? key = null) =>
        Patient(patientId).ReserveAsync(poolId, new ReserveRequest(patientId, key));

    /// <summary>The reservation, asserting the patient got one.</summary>
    public async Task<Reservation> ReserveOkAsync(string patientId, string poolId, string? key = null)
    {
        var outcome = await ReserveAsync(patientId, poolId, key);
        var decided = Assert.IsType<PatientReserveOutcome.Decided>(outcome);
        return Assert.IsType<ReserveOutcome.Reserved>(decided.Pool).Reservation;
    }

    /// <summary>Numbers the patient holds across every pool, as committed.</summary>
    public async Task<int> HeldByAsync(string patientId) => (await ReadBookingsAsync(patientId, CancellationToken.None)).Visits.Count(v => v.Counts);

    /// <summary>As the SQL storage reads them: the reservations, and the entries in pools that have not drawn.</summary>
    public async Task<StoredBookings> ReadBookingsAsync(string patientId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref bookingReads);
        var visits = new List<BookedVisit>();
        var entries = new List<DrawEntryPlace>();
        foreach (var poolId in poolIds.Keys)
        {
            if (await PoolStorage.ReadAsync(poolId, cancellationToken) is not { } stored) continue;
            var definition = stored.State.Definition!;
            visits.AddRange(stored.State.Reservations.Where(r => r.PatientId == patientId).Select(r =>
                new BookedVisit(r.ReservationId, r.PoolId, definition.Date, definition.DepartmentId, r.IdempotencyKey, r.Status)));
            if (!stored.State.Lottery.IsDrawn && definition.LotteryClosesAt is { } drawAt && stored.State.Lottery.EntryOf(patientId) is not null)
                entries.Add(new DrawEntryPlace(poolId, new VisitDay(definition.Date, definition.DepartmentId), drawAt));
        }
        return new StoredBookings(visits, entries);
    }

    public Task<PatientProfile?> FindProfileAsync(string patientId, CancellationToken cancellationToken) =>
        Task.FromResult(profiles.GetValueOrDefault(patientId));

    public Task SaveDetailsAsync(string patientId, string name, string phone, CancellationToken cancellationToken)
    {
        profiles[patientId] = profiles[patientId] with { Name = name, Phone = phone };
        return Task.CompletedTask;
    }

    /// <summary>Removed patients keep their profile aside, as the row keeps it, until an account attaches them again.</summary>
    public Task RemoveAsync(string patientId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (profiles.TryRemove(patientId, out var profile)) removed[patientId] = profile;
        return Task.CompletedTask;
    }

    public Task<bool> AttachAsync(string patientId, string accountId, int patientsPerAccount, CancellationToken cancellationToken)
    {
        if (profiles.Values.Count(p => p.AccountId == accountId) >= patientsPerAccount) return Task.FromResult(false);
        var profile = removed.TryRemove(patientId, out var gone) ? gone : profiles[patientId];
        profiles[patientId] = profile with { AccountId = accountId };
        return Task.FromResult(true);
    }

    public ValueTask DisposeAsync() => host?.DisposeAsync() ?? ValueTask.CompletedTask;
}
