using OrleansBooking.LoadTests.Cli;
using OrleansBooking.LoadTests.Lottery;

namespace OrleansBooking.Tests.LoadTests;

public class LotterySwitchesTests
{
    [Fact]
    public void LotteryWithAWindowInMinutesCreatesPoolsThatDrawForThatLong()
    {
        var variant = VariantSwitches.From(CommandLineArgs.Parse(["rush", "--lottery", "--lottery-window", "120s"]));

        var lottery = Assert.IsType<LotteryRush>(variant);
        Assert.Equal(2, lottery.PoolLottery.WindowMinutes);
    }

    [Fact]
    public void LotteryWithoutAWindowDrawsForOneMinute()
    {
        var lottery = Assert.IsType<LotteryRush>(VariantSwitches.From(CommandLineArgs.Parse(["rush", "--lottery"])));

        Assert.Equal(1, lottery.PoolLottery.WindowMinutes);
    }

    [Theory]
    [InlineData("90s")]
    [InlineData("0m")]
    [InlineData("61m")]
    public void AWindowThatIsNotWholeMinutesWithinTheServicesBoundsIsRefused(string window)
    {
        var e = Assert.Throws<UsageException>(() => VariantSwitches.From(CommandLineArgs.Parse(["rush", "--lottery", "--lottery-window", window])));

        Assert.Contains("--lottery-window", e.Message);
    }

    [Fact]
    public void LotteryAndTheWaitlistTogetherAreRefused()
    {
        var e = Assert.Throws<UsageException>(() => VariantSwitches.From(CommandLineArgs.Parse(["rush", "--lottery", "--waitlist"])));

        Assert.Contains("pick one", e.Message);
    }
}
