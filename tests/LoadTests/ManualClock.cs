namespace OrleansBooking.Tests.LoadTests;

/// <summary>
/// A hand-written fake clock (FakeTimeProvider does not restore here): time moves only when a
/// test calls <see cref="Advance"/>, which also fires every timer that came due, so code waiting
/// with <c>Task.Delay(…, clock)</c> runs exactly when the test says. Timestamps are in TimeSpan ticks.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private readonly object _gate = new();
    private DateTimeOffset _utcNow;
    private long _timestamp;

    public ManualClock(DateTimeOffset? start = null)
    {
        _utcNow = start ?? new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        _timestamp = 1_000_000_000;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _utcNow;
    }

    public override long GetTimestamp()
    {
        lock (_gate) return _timestamp;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _utcNow += by;
            _timestamp += by.Ticks;
            due = _timers.Where(t => t.DueAt <= _timestamp).ToList();
            foreach (var t in due) t.Rearm(_timestamp);
            _timers.RemoveAll(t => t.DueAt == long.MaxValue);
        }
        foreach (var t in due) t.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private long _period = -1;

        public long DueAt { get; private set; } = long.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                _period = period == Timeout.InfiniteTimeSpan ? -1 : period.Ticks;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = long.MaxValue;
                    return true;
                }
                DueAt = clock._timestamp + Math.Max(0, dueTime.Ticks);
                clock._timers.Add(this);
            }
            return true;
        }

        /// <summary>Called under the clock's lock when due: schedule the next period or retire.</summary>
        public void Rearm(long now) => DueAt = _period > 0 ? now + _period : long.MaxValue;

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                DueAt = long.MaxValue;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
