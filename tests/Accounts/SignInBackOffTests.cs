using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Tests.Accounts;

/// <summary>Each lock of one (account, address) pair lasts twice as long as the one before, up to the ceiling.</summary>
public sealed class SignInBackOffTests
{
    private static readonly AccountOptions Options = new() { LockoutMinutes = 15, MaxLockoutMinutes = 24 * 60 };

    [Theory]
    [InlineData(0, 15)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(6, 960)]
    [InlineData(7, 1440)]
    [InlineData(1000, 1440)]
    public void TheLockDoublesUpToTheCeiling(int earlierLockouts, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), SignInBackOff.LockFor(earlierLockouts, Options));
}
