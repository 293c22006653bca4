using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using static OrleansBooking.Tests.Patients.PatientHarness;

namespace OrleansBooking.Tests.Patients;

public sealed class PatientLimitTests : IAsyncLifetime
{
    private PatientHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
    }

    public Task DisposeAsync() => harness.DisposeAsync().AsTask();

    private static void AssertLimit(PatientReserveOutcome outcome, LimitKind limit, int allowed) =>
        Assert.Equal(new PatientReserveOutcome.LimitReached(limit, allowed), outcome);

    [Fact]
    public async Task ASecondReservationInOneDepartmentOnOneDayIsRefused()
    {
        await harness.OpenPoolAsync("cardio-am", Monday, "cardiology");
        await harness.OpenPoolAsync("cardio-pm", Monday, "cardiology");
        await harness.ReserveOkAsync("pt-1", "cardio-am");

        AssertLimit(await harness.ReserveAsync("pt-1", "cardio-pm"), LimitKind.DepartmentPerDay, 1);
        Assert.Equal(1, await harness.HeldByAsync("pt-1"));
    }

    [Fact]
    public async Task AThirdReservationOnOneDayIsRefused()
    {
        foreach (var d in new[] { "a", "b", "c" }) await harness.OpenPoolAsync(d, Monday, "dept-" + d);
        await harness.ReserveOkAsync("pt-1", "a");
        await harness.ReserveOkAsync("pt-1", "b");

        AssertLimit(await harness.ReserveAsync("pt-1", "c"), LimitKind.PerDay, 2);
    }

    [Fact]
    public async Task AFourthReservationWithinSevenDaysIsRefusedButTheNextWeekIsFree()
    {
        foreach (var offset in new[] { 0, 2, 4, 6, 7 }) await harness.OpenPoolAsync($"day-{offset}", Monday.AddDays(offset), null);
        await harness.ReserveOkAsync("pt-1", "day-0");
        await harness.ReserveOkAsync("pt-1", "day-2");
        await harness.ReserveOkAsync("pt-1", "day-4");

        // Days 0..6 would hold four; days 1..7 hold only days 2 and 4, so day 7 fits.
        AssertLimit(await harness.ReserveAsync("pt-1", "day-6"), LimitKind.PerWeek, 3);
        await harness.ReserveOkAsync("pt-1", "day-7");
    }

    [Fact]
    public async Task PoolsWithoutADepartmentSkipOnlyTheDepartmentLimit()
    {
        await harness.OpenPoolAsync("x", Monday, null);
        await harness.OpenPoolAsync("y", Monday, null);
        await harness.OpenPoolAsync("z", Monday, null);
        await harness.ReserveOkAsync("pt-1", "x");
        await harness.ReserveOkAsync("pt-1", "y");

        AssertLimit(await harness.ReserveAsync("pt-1", "z"), LimitKind.PerDay, 2);
    }

    [Fact]
    public async Task ABurstAcrossManyPoolsOnOneDayTakesExactlyTheDailyLimit()
    {
        var pools = new List<string>();
        for (var i = 0; i < 40; i++) pools.Add(await harness.OpenPoolAsync($"burst-{i}", Monday, $"dept-{i}"));

        var outcomes = await Task.WhenAll(pools.Select(p => harness.ReserveAsync("pt-1", p)));

        var reserved = outcomes.Count(o => o is PatientReserveOutcome.Decided { Pool: ReserveOutcome.Reserved });
        var refused = outcomes.Count(o => o is PatientReserveOutcome.LimitReached { Limit: LimitKind.PerDay });
        Assert.Equal((2, 38), (reserved, refused));
        Assert.Equal(2, await harness.HeldByAsync("pt-1"));
    }

    [Fact]
    public async Task ABurstAcrossAWeekTakesExactlyTheWeeklyLimit()
    {
        var pools = new List<string>();
        for (var i = 0; i < 42; i++) pools.Add(await harness.OpenPoolAsync($"week-{i}", Monday.AddDays(i % 7), $"dept-{i}"));

        var outcomes = await Task.WhenAll(pools.Select(p => harness.ReserveAsync("pt-1", p)));

        Assert.Equal(3, outcomes.Count(o => o is PatientReserveOutcome.Decided { Pool: ReserveOutcome.Reserved }));
        Assert.Equal(39, outcomes.Count(o => o is PatientReserveOutcome.LimitReached));
        Assert.Equal(3, await harness.HeldByAsync("pt-1"));
    }

    [Fact]
    public async Task APatientWhoIsNotRegisteredIsNotFoundUntilRegistered()
    {
        await harness.OpenPoolAsync("a", Monday, null);

        Assert.IsType<PatientReserveOutcome.PatientNotFound>(await harness.ReserveAsync("pt-new", "a"));
        harness.Register("pt-new");
        await harness.ReserveOkAsync("pt-new", "a");
    }

    [Fact]
    public async Task TheLimitsCountEachPatientSeparately()
    {
        harness.Register("pt-2");
        await harness.OpenPoolAsync("a", Monday, "d1");
        await harness.OpenPoolAsync("b", Monday, "d1");
        await harness.ReserveOkAsync("pt-1", "a");

        await harness.ReserveOkAsync("pt-2", "b");
    }

    [Fact]
    public async Task ConfiguredLimitsReplaceTheDefaults()
    {
        await using var loose = await PatientHarness.StartAsync(new PatientLimits { PerDay = 3, PerWeek = 10 });
        loose.Register("pt-1");
        foreach (var d in new[] { "a", "b", "c", "d" }) await loose.OpenPoolAsync(d, Monday, "dept-" + d);
        foreach (var d in new[] { "a", "b", "c" }) await loose.ReserveOkAsync("pt-1", d);

        AssertLimit(await loose.ReserveAsync("pt-1", "d"), LimitKind.PerDay, 3);
    }

    [Fact]
    public void LimitsBelowOneAreRejectedNamingTheOption()
    {
        var errors = new PatientLimits { PerDay = 0, SuspensionDays = -1 }.Validate();

        Assert.Equal(["Booking:Limits:PerDay must be at least 1 (was 0).", "Booking:Limits:SuspensionDays must be at least 1 (was -1)."], errors);
    }
}
