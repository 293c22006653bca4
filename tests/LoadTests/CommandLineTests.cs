using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Cli;

namespace OrleansBooking.Tests.LoadTests;

public class CommandLineTests
{
    [Fact]
    public void RushOptionsBuildTheScenarioThenScaleIt()
    {
        var args = CommandLineArgs.Parse(["rush", "--scale", "0.1", "--profile=constant", "--rate", "1000", "--duration", "30s", "--poisson", "--numbers", "100"]);

        var scenario = ScenarioSwitches.Rush(args);
        args.EnsureAllRead();

        Assert.Equal("rush", args.Command);
        var constant = Assert.IsType<ConstantArrivals>(scenario.Load.Arrivals);
        Assert.Equal(100, constant.Rate, precision: 6);
        Assert.Equal(TimeSpan.FromSeconds(30), constant.Duration);
        Assert.Equal(ArrivalSpacing.Poisson, scenario.Load.Spacing);
        Assert.Equal(10, scenario.Numbers);
    }

    [Fact]
    public void AnUnknownOptionIsRejectedByName()
    {
        var args = CommandLineArgs.Parse(["rush", "--sacle", "0.1"]);
        ScenarioSwitches.Rush(args);

        var e = Assert.Throws<UsageException>(args.EnsureAllRead);
        Assert.Contains("--sacle", e.Message);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("5s", 5_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5", 1_500)]
    public void DurationsAcceptUnits(string text, double milliseconds)
    {
        Assert.Equal(milliseconds, CommandLineArgs.ParseDuration(text).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void RepeatedOptionsAreAllKeptAndEqualsValuesMayStartWithDashes()
    {
        var args = CommandLineArgs.Parse(["compare", "--silo-arg=--Booking:MailboxLimit=5000", "--silo-arg", "--Storage:Pool=8"]);

        // "--Storage:Pool=8" after a bare --silo-arg is an option of its own; only "=" can carry a dashed value.
        Assert.Equal(["--Booking:MailboxLimit=5000", "true"], args.All("silo-arg"));
    }

    [Fact]
    public void ABadNumberNamesTheOption()
    {
        var args = CommandLineArgs.Parse(["rush", "--peak", "lots"]);

        var e = Assert.Throws<UsageException>(() => ScenarioSwitches.Rush(args));
        Assert.Contains("--peak", e.Message);
    }
}
