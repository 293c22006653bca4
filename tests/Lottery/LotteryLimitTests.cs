using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Patients;

namespace OrleansBooking.Tests.Lottery;

/// <summary>
/// Limits around the draw: an entry holds a limit place until the draw, so draws cannot together
/// give a patient more than the limits allow; the draw tells each entrant's patient grain its result.
/// </summary>
public sealed class LotteryLimitTests
{
    private static readonly LotteryWindow Window = new(TimeSpan.FromMinutes(10));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<ReserveOutcome> PoolAnswerAsync(PatientHarness harness, string patientId, string poolId) =>
        Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync(patientId, poolId, $"key-{patientId}-{poolId}")).Pool;

    private static async Task DrawAsync(PatientHarness harness, params string[] told)
    {
        harness.Clock.SetUtcNow(PatientHarness.Now + Window.Length);
        await Task.WhenAll(told.Select(harness.DrawTold.Told)).WaitAsync(Patience);
    }

    /// <param name="reloaded">The silo restarts after the first entry: the patient grain's memory is gone, the entry only in the pool's committed rows.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASecondEntryWhoseWinWouldBreakALimitIsRefusedAtTheEntry(bool reloaded)
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        var first = await harness.OpenPoolAsync("draw-a", PatientHarness.Monday, "cardiology", draw: Window);
        var second = await harness.OpenPoolAsync("draw-b", PatientHarness.Monday, "cardiology", draw: Window);
        var open = await harness.OpenPoolAsync("open-c", PatientHarness.Monday, "cardiology");

        Assert.IsType<ReserveOutcome.Entered>(await PoolAnswerAsync(harness, "pt-1", first));
        if (reloaded) await harness.RestartAsync();
        var secondEntry = await harness.ReserveAsync("pt-1", second);
        var booking = await harness.ReserveAsync("pt-1", open);
        var again = await harness.ReserveAsync("pt-1", first, $"key-pt-1-{first}");

        Assert.Equal(LimitKind.DepartmentPerDay, Assert.IsType<PatientReserveOutcome.LimitReached>(secondEntry).Limit);
        Assert.Equal(LimitKind.DepartmentPerDay, Assert.IsType<PatientReserveOutcome.LimitReached>(booking).Limit);
        Assert.True(again is PatientReserveOutcome.Decided { Pool: ReserveOutcome.Entered { Replayed: true } }, $"the same entry again, not {again}");
    }

    [Fact]
    public async Task ALoserToldOfTheDrawHasTheEntrysPlaceBackWithoutReadingTheDatabase()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        harness.Register("pt-2");
        var draw = await harness.OpenPoolAsync("draw-a", PatientHarness.Monday, "cardiology", quota: 1, draw: Window);
        var open = await harness.OpenPoolAsync("open-c", PatientHarness.Monday, "cardiology");
        await PoolAnswerAsync(harness, "pt-1", draw);
        await PoolAnswerAsync(harness, "pt-2", draw);
        await DrawAsync(harness, "pt-1", "pt-2");
        var winner = Assert.Single((await harness.Pools.GetSlotPool(draw).ListReservationsAsync())!).PatientId;
        var loser = winner == "pt-1" ? "pt-2" : "pt-1";
        var reads = harness.BookingReads;

        var booked = await PoolAnswerAsync(harness, loser, open);
        var winnersBooking = await harness.ReserveAsync(winner, open);

        Assert.IsType<ReserveOutcome.Reserved>(booked);
        Assert.Equal(LimitKind.DepartmentPerDay, Assert.IsType<PatientReserveOutcome.LimitReached>(winnersBooking).Limit);
        // The loser's grain knew at once; only the winner's refusal was checked against the database.
        Assert.Equal(reads + 1, harness.BookingReads);
    }

    [Fact]
    public async Task AWinnersPatientGrainCountsTheNumberWonTowardItsLimits()
    {
        var limits = new PatientLimits { PerDay = 2 };
        await using var harness = await PatientHarness.StartAsync(limits);
        harness.Register("pt-1");
        var draw = await harness.OpenPoolAsync("draw-a", PatientHarness.Monday, "cardiology", quota: 1, draw: Window);
        var otherDepartment = await harness.OpenPoolAsync("open-d", PatientHarness.Monday, "neurology");
        var third = await harness.OpenPoolAsync("open-e", PatientHarness.Monday, "dermatology");
        await PoolAnswerAsync(harness, "pt-1", draw);
        await DrawAsync(harness, "pt-1");
        var reads = harness.BookingReads;

        var second = await PoolAnswerAsync(harness, "pt-1", otherDepartment);
        var readsAfterSecond = harness.BookingReads;
        var beyond = await harness.ReserveAsync("pt-1", third);

        Assert.IsType<ReserveOutcome.Reserved>(second);
        Assert.Equal(reads, readsAfterSecond);
        Assert.Equal(LimitKind.PerDay, Assert.IsType<PatientReserveOutcome.LimitReached>(beyond).Limit);
        Assert.Equal(2, await harness.HeldByAsync("pt-1"));
    }
}
