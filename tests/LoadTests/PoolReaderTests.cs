using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>The read-back's retries wait on the clock they are given, so a fake one drives them.</summary>
public class PoolReaderTests
{
    private static readonly ServiceCall<PoolSnapshot> Overloaded = new(new RequestOutcome(503, "overloaded"), null);

    /// <summary>Answers from a script and notes the fake time of each try.</summary>
    private sealed class Script(FakeTimeProvider clock, params ServiceCall<PoolSnapshot>[] answers)
    {
        private int _next;
        public List<TimeSpan> TriedAt { get; } = [];

        public Task<ServiceCall<PoolSnapshot>> CallAsync()
        {
            TriedAt.Add(clock.GetUtcNow() - TestClocks.DefaultStart);
            return Task.FromResult(answers[Math.Min(_next++, answers.Length - 1)]);
        }
    }

    [Fact]
    public async Task TransientFailuresAreTriedAgainAfterAGrowingWaitOnTheGivenClock()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var snapshot = new PoolSnapshot("p1", "dr1", "2026-12-08", "morning", 5, 0, 5, TestClocks.DefaultStart, "open");
        var script = new Script(clock, Overloaded, Overloaded, new ServiceCall<PoolSnapshot>(new RequestOutcome(200, ""), snapshot));

        var read = await clock.StepUntilDoneAsync(PoolReader.RetryAsync(script.CallAsync, clock, CancellationToken.None));

        Assert.Same(snapshot, read);
        // 200 ms after the first try, 400 ms after the second: fake time, no real waiting.
        Assert.Equal(3, script.TriedAt.Count);
        Assert.InRange((script.TriedAt[1] - script.TriedAt[0]).TotalMilliseconds, 200, 205);
        Assert.InRange((script.TriedAt[2] - script.TriedAt[1]).TotalMilliseconds, 400, 405);
    }

    [Fact]
    public async Task ItGivesUpAfterTheLastTry()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var script = new Script(clock, Overloaded);

        var read = await clock.StepUntilDoneAsync(PoolReader.RetryAsync(script.CallAsync, clock, CancellationToken.None));

        Assert.Null(read);
        Assert.Equal(PoolReader.Attempts, script.TriedAt.Count);
    }

    [Fact]
    public async Task ADefiniteRefusalIsNotTriedAgain()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var script = new Script(clock, new ServiceCall<PoolSnapshot>(new RequestOutcome(404, "pool_not_found"), null));

        var read = await clock.StepUntilDoneAsync(PoolReader.RetryAsync(script.CallAsync, clock, CancellationToken.None));

        Assert.Null(read);
        Assert.Single(script.TriedAt);
    }
}
