using OrleansBooking.Grains.Patients;
using static OrleansBooking.Tests.Patients.PatientHarness;

namespace OrleansBooking.Tests.Patients;

/// <summary>No-shows: N within the window suspend booking for M days (defaults 3 within 90 → 90), and an admin can lift it.</summary>
public sealed class SuspensionTests : IAsyncLifetime
{
    private PatientHarness harness = null!;

    private IPatientGrain Patient => harness.Patient("pt-1");

    public async Task InitializeAsync()
    {
        harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        await harness.OpenPoolAsync("a", Monday, null);
    }

    public Task DisposeAsync() => harness.DisposeAsync().AsTask();

    private async Task<NoShowOutcome.Recorded> NoShowAsync(string reservationId)
    {
        var outcome = await Patient.RecordNoShowAsync(reservationId, harness.Clock.GetUtcNow());
        return Assert.IsType<NoShowOutcome.Recorded>(outcome);
    }

    [Fact]
    public async Task TheThirdNoShowWithinTheWindowSuspendsBookingForNinetyDays()
    {
        Assert.Null((await NoShowAsync("r1")).SuspendedUntil);
        harness.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Null((await NoShowAsync("r2")).SuspendedUntil);
        harness.Clock.Advance(TimeSpan.FromDays(30));

        var third = await NoShowAsync("r3");

        var until = harness.Clock.GetUtcNow() + TimeSpan.FromDays(90);
        Assert.Equal(new NoShowOutcome.Recorded(3, until), third);
        Assert.Equal(new PatientReserveOutcome.Suspended(until), await harness.ReserveAsync("pt-1", "a"));
    }

    [Fact]
    public async Task NoShowsOutsideTheWindowDoNotCount()
    {
        await NoShowAsync("r1");
        await NoShowAsync("r2");
        harness.Clock.Advance(TimeSpan.FromDays(91));

        Assert.Equal(new NoShowOutcome.Recorded(1, null), await NoShowAsync("r3"));
        await harness.ReserveOkAsync("pt-1", "a");
    }

    [Fact]
    public async Task RecordingTheSameNoShowTwiceCountsItOnce()
    {
        await NoShowAsync("r1");
        await NoShowAsync("r1");

        Assert.Equal(new NoShowOutcome.Recorded(1, null), await NoShowAsync("r1"));
    }

    [Fact]
    public async Task TheSuspensionEndsAfterNinetyDays()
    {
        foreach (var r in new[] { "r1", "r2", "r3" }) await NoShowAsync(r);
        harness.Clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.IsType<PatientReserveOutcome.Suspended>(await harness.ReserveAsync("pt-1", "a"));

        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        await harness.ReserveOkAsync("pt-1", "a");
    }

    [Fact]
    public async Task AnAdminLiftEndsTheSuspensionAndItsNoShowsDoNotCountAgain()
    {
        foreach (var r in new[] { "r1", "r2", "r3" }) await NoShowAsync(r);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(new LiftOutcome.Lifted(WasSuspended: true), await Patient.LiftSuspensionAsync());
        await harness.ReserveOkAsync("pt-1", "a");
        // One more no-show right after: the three before the suspension were paid for by it.
        Assert.Equal(new NoShowOutcome.Recorded(1, null), await NoShowAsync("r4"));
    }

    [Fact]
    public async Task WithdrawingANoShowTheSuspensionCountedEndsItAndTheOthersStillCount()
    {
        foreach (var r in new[] { "r1", "r2", "r3" }) await NoShowAsync(r);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var withdrawn = await Patient.WithdrawNoShowAsync("r2");

        Assert.Equal(new PatientWithdrawNoShowOutcome.Withdrawn(WasOnRecord: true, SuspensionLifted: true), withdrawn);
        Assert.Equal(["r1", "r3"], (await harness.PatientStorage.ReadAsync("pt-1", CancellationToken.None))!.State.NoShows.Select(n => n.ReservationId));
        Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync("pt-1", "a"));
    }

    [Fact]
    public async Task WithdrawingANoShowTwiceOrOneThatNeverCountedLiftsNothing()
    {
        await NoShowAsync("old");
        harness.Clock.Advance(TimeSpan.FromDays(91));
        foreach (var r in new[] { "r1", "r2", "r3" }) await NoShowAsync(r);

        // Outside the suspension's window: the suspension stands on the other three.
        var outside = await Patient.WithdrawNoShowAsync("old");
        var never = await Patient.WithdrawNoShowAsync("no-such-reservation");

        Assert.Equal(new PatientWithdrawNoShowOutcome.Withdrawn(WasOnRecord: true, SuspensionLifted: false), outside);
        Assert.Equal(new PatientWithdrawNoShowOutcome.Withdrawn(WasOnRecord: false, SuspensionLifted: false), never);
        Assert.IsType<PatientReserveOutcome.Suspended>(await harness.ReserveAsync("pt-1", "a"));
    }

    [Fact]
    public async Task LiftingWithoutASuspensionChangesNothing()
    {
        Assert.Equal(new LiftOutcome.Lifted(WasSuspended: false), await Patient.LiftSuspensionAsync());
        Assert.Empty(harness.PatientStorage.CommittedChanges("pt-1"));
    }

    [Fact]
    public async Task TheSuspensionSurvivesAReload()
    {
        foreach (var r in new[] { "r1", "r2", "r3" }) await NoShowAsync(r);
        Assert.True(await harness.Host.CollectIfIdleAsync(harness.Patient("pt-1")), "Expected the idle grain collected; it is still in memory.");

        Assert.IsType<PatientReserveOutcome.Suspended>(await harness.ReserveAsync("pt-1", "a"));
    }

    [Fact]
    public async Task AnUnregisteredPatientHasNoNoShows()
    {
        Assert.IsType<NoShowOutcome.PatientNotFound>(await harness.Patient("nobody").RecordNoShowAsync("r1", Now));
        Assert.IsType<LiftOutcome.PatientNotFound>(await harness.Patient("nobody").LiftSuspensionAsync());
        Assert.IsType<PatientWithdrawNoShowOutcome.PatientNotFound>(await harness.Patient("nobody").WithdrawNoShowAsync("r1"));
    }

    [Fact]
    public async Task BookingWritesNothingForThePatient()
    {
        await harness.ReserveOkAsync("pt-1", "a");

        Assert.Empty(harness.PatientStorage.CommittedChanges("pt-1"));
    }
}
