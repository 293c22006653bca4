namespace OrleansBooking.Api.Accounts;

/// <summary>
/// How long a streak of wrong passwords locks one (account, client address) pair: LockoutMinutes
/// for the first lock, twice as long for each lock the pair earned since its last good sign-in,
/// never longer than MaxLockoutMinutes. A script guessing from one address slows down
/// exponentially; the owner, elsewhere or signing in by code, is not held up at all.
/// </summary>
public static class SignInBackOff
{
    public static TimeSpan LockFor(int earlierLockouts, AccountOptions options)
    {
        var first = TimeSpan.FromMinutes(options.LockoutMinutes);
        var longest = TimeSpan.FromMinutes(Math.Max(options.LockoutMinutes, options.MaxLockoutMinutes));
        // Past 2^20 the doubling has long reached any sane ceiling; the cap also keeps the shift in range.
        var factor = 1L << Math.Clamp(earlierLockouts, 0, 20);
        return first.Ticks * factor >= longest.Ticks ? longest : TimeSpan.FromTicks(first.Ticks * factor);
    }
}
