using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Cli;
using OrleansBooking.LoadTests.Hosting;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;

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
    public void ProvincialIsAPresetThatOtherSwitchesOverride()
    {
        var args = CommandLineArgs.Parse(["rush", "--provincial", "--patients", "50000", "--release-in", "90s"]);

        var scenario = ScenarioSwitches.Rush(args);
        var memory = MemorySwitches.From(args);
        args.EnsureAllRead();

        Assert.Equal(10_000, scenario.QuotaPerPool().Count);
        Assert.Equal(50_000, scenario.Patients);
        Assert.Equal(1_000_000, scenario.PatientsOnFile);
        Assert.Equal(TimeSpan.FromSeconds(90), scenario.ReleaseIn);
        Assert.Equal(ProvincialPlatform.Arrivals, scenario.Load.Arrivals);
        Assert.True(memory.Watch);
        Assert.Equal(ProvincialPlatform.IdleFor, memory.IdleFor);
    }

    [Fact]
    public void TheDefaultRushNeitherWatchesMemoryNorWaitsForIdleCollection()
    {
        var args = CommandLineArgs.Parse(["rush"]);

        var memory = MemorySwitches.From(args);
        var scenario = ScenarioSwitches.Rush(args);

        Assert.Equal(new MemorySwitches(false, TimeSpan.Zero, false), memory);
        Assert.Equal(RushScenario.Default.Patients, scenario.PatientsOnFile);
        Assert.Equal(RushScenario.DefaultPoolsCreatedAtOnce, scenario.PoolsCreatedAtOnce);
    }

    [Fact]
    public void WaitingForIdleCollectionWithoutWatchingMemoryIsAUsageError()
    {
        var e = Assert.Throws<UsageException>(() => MemorySwitches.From(CommandLineArgs.Parse(["rush", "--idle-for", "1m"])));

        Assert.Contains("--watch-memory", e.Message);
    }

    [Fact]
    public void AProvincialSiloGetsShortGrainCollectionAheadOfTheOperatorsSiloArgs()
    {
        var args = CommandLineArgs.Parse(["rush", "--provincial", "--silo-arg=--Grains:IdleAge=00:02:00"]);

        var target = MemorySwitches.From(args).ForSilo(SiloSwitches.From(args));

        Assert.Equal(["--Grains:IdleAge=00:01:00", "--Grains:CollectionInterval=00:00:10", "--Grains:IdleAge=00:02:00"], target.ExtraArgs);
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

    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void WithStartSiloAndNoAdminGivenTheSuiteMakesOneUpForTheSilo()
    {
        var first = AdminSwitches.From(CommandLineArgs.Parse(["rush"]), startsSilo: true, NoEnvironment);
        var second = AdminSwitches.From(CommandLineArgs.Parse(["rush"]), startsSilo: true, NoEnvironment);

        Assert.Equal(LoadTestSiloSettings.DefaultAdminLogin, first?.Login);
        Assert.True(first!.Password.Length is >= 8 and <= 128, $"the silo wants 8–128 characters, got {first.Password.Length}");
        Assert.NotEqual(first.Password, second!.Password);
    }

    [Fact]
    public void WithoutStartSiloAndNoAdminGivenThereIsNone()
    {
        Assert.Null(AdminSwitches.From(CommandLineArgs.Parse(["verify"]), startsSilo: false, NoEnvironment));
    }

    [Fact]
    public void TheAdminComesFromTheEnvironmentUnlessTheCommandLineNamesOne()
    {
        var environment = new Dictionary<string, string?> { [AdminSwitches.LoginVariable] = "ops", [AdminSwitches.PasswordVariable] = "from-env-1" };

        var fromEnvironment = AdminSwitches.From(CommandLineArgs.Parse(["rush", "--start-silo", "silo"]), startsSilo: true, environment.GetValueOrDefault);
        var fromCommandLine = AdminSwitches.From(CommandLineArgs.Parse(["rush", "--admin-login", "lead", "--admin-password", "given-pw-1"]),
            startsSilo: false, environment.GetValueOrDefault);

        Assert.Equal(new AdminCredentials("ops", "from-env-1"), fromEnvironment);
        Assert.Equal(new AdminCredentials("lead", "given-pw-1"), fromCommandLine);
    }

    [Fact]
    public void AnAdminLoginWithoutAPasswordIsAUsageError()
    {
        var e = Assert.Throws<UsageException>(() => AdminSwitches.From(CommandLineArgs.Parse(["rush", "--admin-login", "ops"]), startsSilo: true, NoEnvironment));

        Assert.Contains("--admin-password", e.Message);
    }

    [Fact]
    public void AStartedSiloGetsTheLoadTestSettingsAndItsAdminsPasswordOffTheCommandLine()
    {
        var admin = new AdminCredentials("loadtest-admin", "secret-pw-123");

        var switches = LoadTestSiloSettings.Switches(admin);
        var environment = LoadTestSiloSettings.Environment(admin);

        Assert.Equal(
        [
            "--Booking:Accounts:PasswordIterations=1000",
            "--Booking:Accounts:AcceptOutboxCodeSender=true",
            "--Booking:LoadTest:Enabled=true",
            "--Booking:RateLimits:PerAddress:Burst=1000000",
            "--Booking:RateLimits:PerAddress:PermitsPerSecond=1000000",
            "--Booking:RateLimits:SignIn:Burst=1000000",
            "--Booking:RateLimits:SignIn:PermitsPerSecond=1000000",
            $"--Booking:Accounts:KeyRingCertificatePath={LoadTestKeyRing.CertificatePath}",
            "--Cluster:SiloPort=0",
            "--Cluster:GatewayPort=0",
            "--Booking:Accounts:FirstAdmin:Login=loadtest-admin",
        ], switches);
        Assert.Equal("secret-pw-123", Assert.Single(environment, e => e.Key == "Booking__Accounts__FirstAdmin__Password").Value);
        Assert.Equal(LoadTestKeyRing.Password, Assert.Single(environment, e => e.Key == "Booking__Accounts__KeyRingCertificatePassword").Value);
        Assert.True(File.Exists(LoadTestKeyRing.CertificatePath));
        Assert.DoesNotContain("secret-pw-123", admin.ToString());
    }
}
