using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansBooking.Api.Patients;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.References;
using static OrleansBooking.Tests.Patients.PatientHarness;

namespace OrleansBooking.Tests.Patients;

/// <summary>A patient who signs in has their grain loaded then, not by their first booking at the release.</summary>
public sealed class PatientsPreparedAtSignInTests : IAsyncLifetime
{
    private PatientHarness harness = null!;
    private AccountsPatients directory = null!;
    private PatientsPreparedAtSignIn preparing = null!;
    private ServiceProvider meters = null!;
    private PreparationOutcomes outcomes = null!;

    public async Task InitializeAsync()
    {
        harness = await PatientHarness.StartAsync();
        directory = new AccountsPatients();
        meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = meters.GetRequiredService<IMeterFactory>();
        outcomes = new PreparationOutcomes(meterFactory);
        preparing = new PatientsPreparedAtSignIn(directory, new GrainReferences<IPatientGrain>(harness.Host.Grains),
            new PreparationMetrics(meterFactory), NullLogger<PatientsPreparedAtSignIn>.Instance);
    }

    public async Task DisposeAsync()
    {
        preparing.Dispose();
        outcomes.Dispose();
        await meters.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task PreparingAnAccountLoadsEachOfItsPatientsSoTheirFirstBookingLoadsNothing()
    {
        directory.Manage("acct-family", "pt-mother", "pt-child");
        harness.Register("pt-mother");
        await harness.OpenPoolAsync("cardio-am", Monday, "cardiology");
        var loadsBefore = harness.PatientStorage.Reads;

        await preparing.PrepareAsync("acct-family", CancellationToken.None);
        Assert.Equal(loadsBefore + 2, harness.PatientStorage.Reads);

        await harness.ReserveOkAsync("pt-mother", "cardio-am");
        Assert.Equal(loadsBefore + 2, harness.PatientStorage.Reads);
    }

    [Fact]
    public async Task AnAccountWithoutPatientsPreparesNothing()
    {
        var loadsBefore = harness.PatientStorage.Reads;

        await preparing.PrepareAsync("acct-doctor", CancellationToken.None);

        Assert.Equal(loadsBefore, harness.PatientStorage.Reads);
    }

    [Fact]
    public async Task ASignInQueuedInTheBackgroundPreparesTheAccountsPatient()
    {
        directory.Manage("acct-1", "pt-1");
        await preparing.StartAsync(CancellationToken.None);
        var prepared = harness.Host.CallsBegun.NextAsync(nameof(IPatientGrain.PrepareAsync));

        preparing.SignedIn("acct-1");

        // The bound only keeps a broken build from hanging; the wait is on the call itself.
        await prepared.WaitAsync(TimeSpan.FromSeconds(30));
        await outcomes.Recorded("prepared").WaitAsync(TimeSpan.FromSeconds(30));
        await preparing.StopAsync(CancellationToken.None);
        Assert.Equal(0, outcomes.Count("not_queued"));
    }

    /// <summary>
    /// Past the queue's bound a sign-in is left out, never waited for, and counted: an operator sees
    /// how many patients will load at their first booking instead.
    /// </summary>
    [Fact]
    public void SignInsPastAFullQueueAreLeftOutAndCounted()
    {
        // Not started, so nothing drains the queue.
        for (var i = 0; i < PatientsPreparedAtSignIn.MaxQueued + 3; i++) preparing.SignedIn($"acct-{i}");

        Assert.Equal(3, outcomes.Count("not_queued"));
        Assert.Equal(0, outcomes.Count("prepared"));
    }

    /// <summary>Which patients each account manages; the one question preparing asks the directory.</summary>
    private sealed class AccountsPatients : IPatientDirectory
    {
        private readonly Dictionary<string, string[]> patientsByAccount = new(StringComparer.Ordinal);

        public void Manage(string accountId, params string[] patientIds) => patientsByAccount[accountId] = patientIds;

        public Task<IReadOnlyList<PatientRecord>> ListByAccountAsync(string accountId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PatientRecord>>(patientsByAccount.GetValueOrDefault(accountId, [])
                .Select(id => new PatientRecord(new PatientProfile(id, accountId, "Test Patient", "11010519491231002X", "13912345678",
                    new DateOnly(1949, 12, 31), Sex.Female, Now), null)).ToList());

        public Task<RegisterOutcome> RegisterAsync(PatientProfile profile, int patientsPerAccount, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<int> RegisterManyAsync(IReadOnlyList<PatientProfile> profiles, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<PatientRecord?> FindAsync(string patientId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<PatientOnFile?> FindOnFileAsync(string residentId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<PatientRecord>> SearchAsync(PatientSearch search, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<PatientAppointment>> ListAppointmentsAsync(string patientId, AppointmentScope scope, DateOnly today, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>The preparation counter's outcomes as they are recorded, of this test's meter factory only.</summary>
    private sealed class PreparationOutcomes : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentDictionary<string, int> counts = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> awaited = new();

        public PreparationOutcomes(IMeterFactory scope)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == PreparationMetrics.InstrumentName && ReferenceEquals(instrument.Meter.Scope, scope)) l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var outcome = (string)tags[0].Value!;
                counts.AddOrUpdate(outcome, (int)value, (_, sum) => sum + (int)value);
                Awaited(outcome).TrySetResult();
            });
            listener.Start();
        }

        public int Count(string outcome) => counts.GetValueOrDefault(outcome);

        /// <summary>Completes when the outcome has been recorded at least once.</summary>
        public Task Recorded(string outcome) => Awaited(outcome).Task;

        private TaskCompletionSource Awaited(string outcome) =>
            awaited.GetOrAdd(outcome, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public void Dispose() => listener.Dispose();
    }
}
