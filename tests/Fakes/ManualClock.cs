namespace OrleansBooking.Tests.Fakes;

/// <summary>
/// A clock that moves only when a test says so. Timers (including those behind
/// Task.WaitAsync timeouts) fire synchronously inside <see cref="Advance"/>.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = start;

    public ManualClock() : this(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "Time does not go back.");
        DateTimeOffset target;
        lock (gate)
        {
            target = now + by;
        }
        while (true)
        {
            ManualTimer? due;
            lock (gate)
            {
                due = timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    now = target;
                    return;
                }
                if (due.DueAt > now) now = due.DueAt;
                due.Reschedule(now);
            }
            due.Fire();
        }
    }

    public void SetUtcNow(DateTimeOffset to) => Advance(to - GetUtcNow());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan newPeriod)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                period = newPeriod;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = clock.now + dueTime;
                clock.timers.Add(this);
                return true;
            }
        }

        /// <summary>Called under the clock's lock when this timer fires at <paramref name="firedAt"/>.</summary>
        public void Reschedule(DateTimeOffset firedAt)
        {
            clock.timers.Remove(this);
            if (period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero) return;
            DueAt = firedAt + period;
            clock.timers.Add(this);
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
