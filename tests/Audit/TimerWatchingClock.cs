using Microsoft.Extensions.Time.Testing;
using System.Threading.Channels;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Audit;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test each time code starts waiting on it, so the
/// test advances time only once the wait is set up instead of guessing with a sleep.
/// </summary>
public sealed class TimerWatchingClock(FakeTimeProvider inner) : TimeProvider
{
    private readonly Channel<TimeSpan> created = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public void Advance(TimeSpan by) => inner.Advance(by);

    /// <summary>The due time of the next timer created (waits for one if none is new).</summary>
    public async Task<TimeSpan> NextTimerAsync() => await created.Reader.ReadAsync();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        created.Writer.TryWrite(dueTime);
        return timer;
    }
}
