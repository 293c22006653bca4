using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Scenarios;

namespace OrleansBooking.Tests.LoadTests;

public class RushScenarioTests
{
    [Fact]
    public void DefaultScenarioReleases1009NumbersAcrossPools()
    {
        var quotas = RushScenario.Default.QuotaPerPool();

        Assert.Equal(1_009, quotas.Sum());
        Assert.Equal(RushScenario.DefaultPools, quotas.Count);
        Assert.True(quotas.Max() - quotas.Min() <= 1, $"quotas should differ by at most one: {string.Join(",", quotas)}");
    }

    [Fact]
    public void ScalingMultipliesRatesNumbersAndPatientsButKeepsTheShape()
    {
        var full = RushScenario.Default;

        var small = full.ScaledBy(0.01);

        var spike = Assert.IsType<ReleaseSpikeArrivals>(small.Load.Arrivals);
        Assert.Equal(81, spike.Peak, precision: 6);
        Assert.Equal(3.7, spike.Floor, precision: 6);
        Assert.Equal(TimeSpan.FromSeconds(6.667), spike.Decay);
        Assert.Equal(full.Load.Arrivals.Duration, spike.Duration);
        Assert.Equal(10, small.Numbers);
        Assert.Equal(1_500, small.Patients);
        Assert.Equal(10, small.Pools); // never more pools than numbers
        Assert.Equal(full.Load.Arrivals.ExpectedArrivals * 0.01, small.Load.Arrivals.ExpectedArrivals, precision: 6);
        Assert.Equal(full.Behaviour, small.Behaviour);
        Assert.Equal(full.AttemptsWhenSoldOut * 0.01, small.AttemptsWhenSoldOut, precision: 6);
    }

    [Fact]
    public void TheProvincialPlatformReleases10000PoolsToACrowdOf200000OutOfAMillionOnFile()
    {
        var provincial = ProvincialPlatform.Scenario;

        var quotas = provincial.QuotaPerPool();
        Assert.Equal(10_000, quotas.Count);
        Assert.All(quotas, q => Assert.Equal(10, q));
        Assert.Equal(200_000, provincial.Patients);
        Assert.Equal(1_000_000, provincial.PatientsOnFile);
        // 1,500/s × 60 s + (12,000 − 1,500)/s × τ 10 s × (1 − e^−6)
        Assert.Equal(90_000 + 105_000 * (1 - Math.Exp(-6)), provincial.Load.Arrivals.ExpectedArrivals, precision: 0);
        Assert.Equal(32, provincial.PoolsCreatedAtOnce);
        provincial.Validate();
    }

    [Fact]
    public void PatientsOnFileAreAtLeastTheCrowd()
    {
        Assert.Equal(RushScenario.Default.Patients, RushScenario.Default.PatientsOnFile);
        var e = Assert.Throws<ArgumentException>(() => (RushScenario.Default with { Patients = 100, RegisteredPatients = 99 }).Validate());
        Assert.Contains("--registered 99", e.Message);
    }

    [Fact]
    public void ScalingScalesThePatientsOnFileToo()
    {
        var small = ProvincialPlatform.Scenario.ScaledBy(0.01);

        Assert.Equal(2_000, small.Patients);
        Assert.Equal(10_000, small.PatientsOnFile);
    }

    [Fact]
    public void ScalingNeverGoesBelowOneOfAnything()
    {
        var tiny = RushScenario.Default.ScaledBy(0.000001);

        Assert.Equal(1, tiny.Numbers);
        Assert.Equal(1, tiny.Pools);
        Assert.Equal(1, tiny.Patients);
        Assert.Equal([1], tiny.QuotaPerPool());
    }

    [Fact]
    public void ScalingAClosedModelScalesItsPatients()
    {
        var closed = RushScenario.Default with { Load = RushScenario.Default.Load with { ClosedPatients = 200 } };

        Assert.Equal(50, closed.ScaledBy(0.25).Load.ClosedPatients);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void ScalingByANonPositiveFactorIsRejected(double factor)
    {
        var e = Assert.Throws<ArgumentException>(() => RushScenario.Default.ScaledBy(factor));
        Assert.Contains("--scale", e.Message);
    }

    [Fact]
    public void ScaledRushStillSpikesAtTheRelease()
    {
        var small = RushScenario.Default.ScaledBy(0.05).Load.Arrivals;

        Assert.True(small.RateAt(0) > 10 * small.RateAt(30), $"rate at release {small.RateAt(0)}, at 30 s {small.RateAt(30)}");
    }
}
