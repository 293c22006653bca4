using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Hosting.DoctorsDay;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Tests.SlotPools;
using static OrleansBooking.Tests.DoctorsDay.StatusFlowTests;

namespace OrleansBooking.Tests.DoctorsDay;

public sealed class NoShowSweepJobTests
{
    private static readonly DateTimeOffset GraceOver = new(2026, 12, 7, 13, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task TheJobSweepsWhenTheIntervalHasPassedOnTheGrainClock()
    {
        var clock = new FakeTimeProvider(PoolHarness.ReleaseAt);
        var listener = new SignallingListener();
        await using var host = await GrainHost.StartAsync(clock, services =>
        {
            services.AddSingleton<IChangeStorage<SlotPoolState, SlotPoolChange>>(new InMemoryChangeStorage<SlotPoolState, SlotPoolChange>(SlotPoolState.Empty));
            services.AddSingleton(Options.Create(new DoctorsDayOptions { SweepInterval = TimeSpan.FromMinutes(5) }));
            services.AddSingleton(sp => new NoShowSweep(sp.GetRequiredService<ISlotPoolGrainFactory>(), new OnePool(PoolHarness.Morning("li-am")),
                listener, clock, new SlotPoolRules(), TimeSpan.FromMinutes(30), NullLogger<NoShowSweep>.Instance));
        });
        var pool = host.Pools.GetSlotPool("li-am");
        Assert.IsType<CreatePoolOutcome.Created>(await pool.CreateAsync(PoolHarness.Morning("li-am")));
        var absent = await Reserve(pool, "patient-1");
        clock.SetUtcNow(GraceOver);
        // The job's timer starts when its grain activates.
        await host.Grains.GetGrain<INoShowSweepGrain>(ClusterJob.Key).StartAsync();

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(listener.Reported.Task.IsCompleted, "the sweep ran before its interval had passed");
        clock.Advance(TimeSpan.FromMinutes(1));
        // The pass runs on the grain's timer; waiting for its report is not a sleep, and the
        // timeout only turns a hang into a failure.
        var reported = await listener.Reported.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(absent.ReservationId, reported.ReservationId);
        Assert.Equal(ReservationStatus.NoShow, (await pool.GetReservationAsync(absent.ReservationId))!.Status);
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
