using System.Security.Cryptography;
using System.Text;
using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Tests.Lottery;

/// <summary>
/// The draw: every entry equally likely to win and to draw each number (chi-square over a fixed set
/// of seeds, so the test is deterministic), the same result from the same seed whatever order the
/// entries came in, and distinct numbers for the winners only.
/// </summary>
public sealed class LotteryDrawTests
{
    private const int Seeds = 3000;

    // Chi-square critical values at p = 0.001: a fair draw exceeds them once in a thousand seed sets.
    private const double CriticalFiveDegrees = 20.515;

    private static readonly string[] Entrants = ["pt-a", "pt-b", "pt-c", "pt-d", "pt-e", "pt-f"];

    private static readonly int[] TwoNumbers = [1, 2];

    /// <summary>Seed i of the fixed set: a hash, so the seeds are spread like random ones but the same every run.</summary>
    private static LotterySeed FixedSeed(int i) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"lottery-test-seed-{i}"))));

    [Fact]
    public void EveryEntryIsEquallyLikelyToWinWhateverItsPlaceInTheQueue()
    {
        var wins = new int[Entrants.Length];
        for (var i = 0; i < Seeds; i++)
            foreach (var ticket in LotteryDraw.Draw(FixedSeed(i), Entrants, TwoNumbers).Where(t => t.Won))
                wins[Array.IndexOf(Entrants, ticket.PatientId)]++;

        var statistic = ChiSquare(wins, expected: Seeds * 2.0 / Entrants.Length);
        Assert.True(statistic < CriticalFiveDegrees, $"Wins by entry position {string.Join(", ", wins)}: chi-square {statistic:0.00} ≥ {CriticalFiveDegrees}");
    }

    [Fact]
    public void EveryEntryIsEquallyLikelyToDrawTheFirstNumber()
    {
        var firsts = new int[Entrants.Length];
        for (var i = 0; i < Seeds; i++)
            firsts[Array.IndexOf(Entrants, LotteryDraw.Draw(FixedSeed(i), Entrants, TwoNumbers).Single(t => t.SequenceNumber == 1).PatientId)]++;

        var statistic = ChiSquare(firsts, expected: (double)Seeds / Entrants.Length);
        Assert.True(statistic < CriticalFiveDegrees, $"Number 1 by entry position {string.Join(", ", firsts)}: chi-square {statistic:0.00} ≥ {CriticalFiveDegrees}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameResultWhateverOrderTheEntriesCameIn()
    {
        var seed = LotterySeed.New();

        var first = LotteryDraw.Draw(seed, Entrants, TwoNumbers);
        var again = LotteryDraw.Draw(LotterySeed.Parse(seed.Hex)!, Entrants.Reverse(), TwoNumbers);

        Assert.Equal(first, again);
    }

    [Fact]
    public void AnotherSeedGivesAnotherOrder()
    {
        var orders = Enumerable.Range(0, 20)
            .Select(i => string.Join(",", LotteryDraw.Draw(FixedSeed(i), Entrants, TwoNumbers).Select(t => t.PatientId)))
            .ToHashSet();

        Assert.True(orders.Count > 15, $"20 seeds gave only {orders.Count} different orders");
    }

    [Fact]
    public void WinnersTakeTheFreeNumbersInRankOrderAndTheRestWinNothing()
    {
        var tickets = LotteryDraw.Draw(FixedSeed(7), Entrants, [3, 5]);

        Assert.Equal(Enumerable.Range(1, Entrants.Length), tickets.Select(t => t.Rank));
        Assert.Equal([3, 5], tickets.Where(t => t.Won).Select(t => t.SequenceNumber!.Value));
        Assert.Equal([true, true, false, false, false, false], tickets.Select(t => t.Won));
        Assert.Equal(Entrants.Order(StringComparer.Ordinal), tickets.Select(t => t.PatientId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MoreNumbersThanEntriesLeavesTheRestUndrawn()
    {
        var tickets = LotteryDraw.Draw(FixedSeed(1), ["pt-a", "pt-b"], [1, 2, 3, 4]);

        Assert.Equal([1, 2], tickets.Select(t => t.SequenceNumber!.Value));
    }

    [Fact]
    public void APatientEnteredTwiceIsRefused() =>
        Assert.Throws<ArgumentException>(() => LotteryDraw.Draw(FixedSeed(0), ["pt-a", "pt-a"], TwoNumbers));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void ASeedThatIsNotSixtyFourHexDigitsIsNotASeed(string? hex) => Assert.Null(LotterySeed.Parse(hex));

    [Theory]
    [InlineData(-10, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void AWindowIsBetweenOneAndSixtyMinutes(int minutes, bool allowed) =>
        Assert.Equal(allowed, LotteryWindow.Refusal(TimeSpan.FromMinutes(minutes)) is null);

    [Fact]
    public void TheWindowIsOpenFromTheReleaseUntilNotAtItsClose()
    {
        var releaseAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var window = new LotteryWindow(TimeSpan.FromMinutes(10));

        Assert.Equal(
            [false, true, true, false],
            new[] { releaseAt.AddTicks(-1), releaseAt, window.ClosesAt(releaseAt).AddTicks(-1), window.ClosesAt(releaseAt) }
                .Select(at => window.IsOpenAt(releaseAt, at)));
    }

    private static double ChiSquare(int[] observed, double expected) =>
        observed.Sum(o => (o - expected) * (o - expected) / expected);
}
