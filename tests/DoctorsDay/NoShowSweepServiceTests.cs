using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.DoctorsDay;
using OrleansBooking.Tests.SlotPools;
using static OrleansBooking.Tests.DoctorsDay.StatusFlowTests;

namespace OrleansBooking.Tests.DoctorsDay;

public sealed class NoShowSweepServiceTests
{
    private static readonly DateTimeOffset GraceOver = new(2026, 12, 7, 13, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task TheServiceSweepsWhenTheIntervalHasPassedOnTheClock()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(poolId: "li-am");
        var absent = await Reserve(pool, "patient-1");
        harness.Clock.SetUtcNow(GraceOver);
        var listener = new SignallingListener();
        var sweep = new NoShowSweep(harness.Pools, new OnePool(PoolHarness.Morning("li-am")), listener, harness.Clock, harness.Rules,
            TimeSpan.FromMinutes(30), NullLogger<NoShowSweep>.Instance);
        var options = Options.Create(new DoctorsDayOptions { SweepInterval = TimeSpan.FromMinutes(5) });
        using var service = new NoShowSweepService(sweep, options, harness.Clock, NullLogger<NoShowSweepService>.Instance);
        await service.StartAsync(CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(listener.Reported.Task.IsCompleted, "the sweep ran before its interval had passed");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        // The pass runs on the clock's timer; waiting for its report is not a sleep, and the
        // timeout only turns a hang into a failure.
        var reported = await listener.Reported.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(absent.ReservationId, reported.ReservationId);
        Assert.Equal(ReservationStatus.NoShow, (await pool.GetReservationAsync(absent.ReservationId))!.Status);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void OptionsOutsideTheirRangesAreRejectedNamingTheOption()
    {
        var result = new DoctorsDayOptionsValidation().Validate(null, new DoctorsDayOptions
        {
            NoShowGrace = TimeSpan.FromMinutes(-1),
            SweepInterval = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Booking:DoctorsDay:NoShowGrace", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Booking:DoctorsDay:SweepInterval", StringComparison.Ordinal));
        Assert.True(new DoctorsDayOptionsValidation().Validate(null, new DoctorsDayOptions()).Succeeded);
    }

    private sealed class OnePool(PoolDefinition pool) : ISessionsToSweep
    {
        public Task<IReadOnlyList<PoolDefinition>> FindAsync(DateOnly throughDate, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PoolDefinition>>([pool]);
    }

    private sealed class SignallingListener : INoShowListener
    {
        public TaskCompletionSource<Reservation> Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task NoShowRecordedAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Reported.TrySetResult(noShow);
            return Task.CompletedTask;
        }
    }
}
