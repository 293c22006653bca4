using Orleans.Runtime;
using OrleansBooking.Api.Problems;
using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.Api;

/// <summary>Which faults a booking call is tried again for before the caller sees a 503, and how often.</summary>
public sealed class HandOverRetryTests
{
    private sealed class Call(Exception? fault, int failures)
    {
        public int Calls { get; private set; }

        public Task<string> RunAsync()
        {
            Calls++;
            return Calls <= failures ? Task.FromException<string>(fault!) : Task.FromResult("decided");
        }
    }

    // Orleans makes its other message rejections internally only; SiloUnavailableException is the one a test can make.
    public static TheoryData<string> HandOvers => ["fenced", "silo-lost"];

    private static Exception Fault(string kind) => kind switch
    {
        "fenced" => new GrainStorageException("SlotPoolGrain/p", versionConflict: true, "version 3 is gone"),
        "silo-lost" => new SiloUnavailableException("The target silo became unavailable for message: Request SlotPoolGrain/p"),
        "storage" => new GrainStorageException("SlotPoolGrain/p", versionConflict: false, "disk gone"),
        "overloaded" => new GrainOverloadedException("SlotPoolGrain/p", 10),
        "timeout" => new TimeoutException("Response did not arrive on time"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(HandOvers))]
    public async Task AHandOverThatEndsWithinTheRetriesIsAnsweredAsIfNothingHappened(string kind)
    {
        var call = new Call(Fault(kind), failures: 2);

        Assert.Equal("decided", await HandOverRetry.RunAsync(call.RunAsync));
        Assert.Equal(3, call.Calls);
    }

    [Theory]
    [MemberData(nameof(HandOvers))]
    public async Task AHandOverThatOutlastsTheRetriesReachesTheCallerAsItsFault(string kind)
    {
        var call = new Call(Fault(kind), failures: int.MaxValue);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => HandOverRetry.RunAsync(call.RunAsync));

        Assert.IsType(Fault(kind).GetType(), thrown);
        Assert.Equal(4, call.Calls);
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("overloaded")]
    // A timed-out call may still be decided; the client retries it with its Idempotency-Key.
    [InlineData("timeout")]
    public async Task TheDatabaseDownAnOverloadOrATimeoutIsNotRetried(string kind)
    {
        var call = new Call(Fault(kind), failures: 1);

        await Assert.ThrowsAnyAsync<Exception>(() => HandOverRetry.RunAsync(call.RunAsync));

        Assert.Equal(1, call.Calls);
    }
}
