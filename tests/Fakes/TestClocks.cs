namespace OrleansBooking.Tests.Fakes;

/// <summary>Where the tests' one fake clock (<c>FakeTimeProvider</c>) starts when a test does not say.</summary>
public static class TestClocks
{
    /// <summary>Midnight UTC on Monday 30 Nov 2026 (08:00 in Shanghai).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
}
