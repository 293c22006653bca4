using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using static OrleansBooking.Tests.Catalogue.CatalogueExamples;

namespace OrleansBooking.Tests.Catalogue;

public sealed class SchedulePlannerTests
{
    private readonly CatalogueRules rules = new();

    private SchedulePlanner Planner => new(rules, Shanghai);

    private static string[] Ids(IEnumerable<PoolDefinition> pools) => pools.Select(p => p.PoolId).ToArray();

    [Fact]
    public void AWeekOfTemplatePlansEachWeeklySessionOnItsWeekday()
    {
        var pools = Planner.Plan(DrLi(), Cardiology(), Schedule(), Monday, Monday.AddDays(7));

        Assert.Equal(
            ["dr-li-20261130-morning", "dr-li-20261130-afternoon", "dr-li-20261202-morning", "dr-li-20261207-morning", "dr-li-20261207-afternoon"],
            Ids(pools));
    }

    [Fact]
    public void APlannedPoolCarriesTheTemplateLineAndTheDepartment()
    {
        var wednesday = Planner.Plan(DrLi(), Cardiology(), Schedule(), Monday, Monday.AddDays(7))[2];

        Assert.Equal(
            new PoolDefinition("dr-li-20261202-morning", "dr-li", new DateOnly(2026, 12, 2), ClinicSession.Morning, new TimeOnly(9, 0), 15, 12,
                99.5m, new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(8)), "cardiology"),
            wednesday);
    }

    [Theory]
    [InlineData(DoctorTitle.Chief, 100)]
    [InlineData(DoctorTitle.AssociateChief, 80)]
    [InlineData(DoctorTitle.Attending, 60)]
    [InlineData(DoctorTitle.Resident, 50)]
    public void ATemplateLineWithoutAFeeChargesTheFeeOfTheTitle(DoctorTitle title, int fee)
    {
        var monday = Planner.Plan(DrLi(title), Cardiology(), Schedule(), Monday, Monday)[0];

        Assert.Equal(fee, monday.Fee);
    }

    [Fact]
    public void TheDefaultReleaseIsEightOClockSevenDaysBefore()
    {
        var pool = Planner.Plan(DrLi(), Cardiology(), Schedule(), Monday.AddDays(7), Monday.AddDays(7))[0];

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8)), pool.ReleaseAt);
    }

    [Fact]
    public void TheHospitalsReleaseRuleComesFromConfiguration()
    {
        rules.ReleaseDaysBefore = 3;
        rules.ReleaseTimeOfDay = new TimeSpan(7, 30, 0);

        var pool = Planner.Plan(DrLi(), Cardiology(), Schedule(), Monday.AddDays(7), Monday.AddDays(7))[0];

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 7, 30, 0, TimeSpan.FromHours(8)), pool.ReleaseAt);
    }

    [Fact]
    public void ADepartmentsOwnReleaseRuleOverridesTheHospitals()
    {
        rules.ReleaseDaysBefore = 3;
        var department = Cardiology(new ReleaseRule(14, new TimeOnly(15, 0)));

        var pool = Planner.Plan(DrLi(), department, Schedule(), Monday.AddDays(14), Monday.AddDays(14))[0];

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.FromHours(8)), pool.ReleaseAt);
    }

    [Fact]
    public void ADepartmentsReleaseRuleWithADrawPlansPoolsThatDrawAndOthersStayFirstCome()
    {
        var window = new OrleansBooking.Grains.Lottery.LotteryWindow(TimeSpan.FromMinutes(10));
        var drawing = Cardiology(new ReleaseRule(7, new TimeOnly(8, 0), window));

        var pools = Planner.Plan(DrLi(), drawing, Schedule(), Monday, Monday.AddDays(7));
        var firstCome = Planner.Plan(DrLi(), Cardiology(), Schedule(), Monday, Monday.AddDays(7));

        Assert.All(pools, pool => Assert.Equal(window, pool.LotteryWindow));
        Assert.All(firstCome, pool => Assert.Null(pool.LotteryWindow));
        Assert.Equal(firstCome.Select(p => p.ReleaseAt), pools.Select(p => p.ReleaseAt));
    }

    [Fact]
    public void AWholeDayLeaveRemovesEverySessionThatDay()
    {
        var pools = Planner.Plan(DrLi(), Cardiology(), Schedule(Leave(Monday)), Monday, Monday.AddDays(2));

        Assert.Equal(["dr-li-20261202-morning"], Ids(pools));
    }

    [Fact]
    public void ASessionLeaveRemovesOnlyThatSession()
    {
        var pools = Planner.Plan(DrLi(), Cardiology(), Schedule(Leave(Monday, ClinicSession.Afternoon)), Monday, Monday);

        Assert.Equal(["dr-li-20261130-morning"], Ids(pools));
    }

    [Fact]
    public void AnExtraSessionAddsAPoolOnADayWithoutTemplate()
    {
        var tuesday = Monday.AddDays(1);

        var pools = Planner.Plan(DrLi(), Cardiology(), Schedule(Extra(tuesday, ClinicSession.Evening, quota: 8)), tuesday, tuesday);

        var pool = Assert.Single(pools);
        Assert.Equal(("dr-li-20261201-evening", new TimeOnly(18, 30), 5, 8, 60m), (pool.PoolId, pool.StartTime, pool.MinutesPerNumber, pool.Quota, pool.Fee));
    }

    [Fact]
    public void AnExtraSessionReplacesTheTemplatesSessionThatDay()
    {
        var pools = Planner.Plan(DrLi(), Cardiology(), Schedule(Extra(Monday, ClinicSession.Morning, quota: 45)), Monday, Monday);

        Assert.Equal([45, 20], pools.Select(p => p.Quota).ToArray());
    }

    [Fact]
    public void ALeaveWinsOverAnExtraSessionTheSameDay()
    {
        var tuesday = Monday.AddDays(1);
        var schedule = Schedule(Extra(tuesday, ClinicSession.Evening), Leave(tuesday));

        Assert.Empty(Planner.Plan(DrLi(), Cardiology(), schedule, tuesday, tuesday));
    }

    [Fact]
    public void SessionsThatHaveStartedAreNotPlanned()
    {
        // 08:00 in Shanghai: the Monday morning session starts now, the afternoon is still ahead.
        var pools = Planner.Plan(DrLi(), Cardiology(), Schedule(), Monday, Monday, notBefore: MondayEight);

        Assert.Equal(["dr-li-20261130-afternoon"], Ids(pools));
    }

    [Fact]
    public void TheWindowIsTodayInTheHospitalsZoneAndTheConfiguredDaysAfter()
    {
        rules.BookingWindowDays = 7;
        // 23:30 UTC on Sunday 29 Nov is already Monday 07:30 in Shanghai.
        var (from, to) = Planner.WindowAt(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal((Monday, Monday.AddDays(7)), (from, to));
    }

    [Fact]
    public void GeneratedPoolIdsAreDeterministicAndFitTheApisIdLength()
    {
        var longest = new string('d', PoolIds.MaxDoctorIdLength);

        var id = PoolIds.For(longest, new DateOnly(2026, 12, 31), ClinicSession.Afternoon);

        Assert.Equal(longest + "-20261231-afternoon", id);
        Assert.True(id.Length <= 64, $"Expected at most 64 characters, got {id.Length}.");
    }

    [Fact]
    public void ReleaseRulesFromConfigurationAreValidated()
    {
        var bad = new CatalogueRules { ReleaseDaysBefore = -1, BookingWindowDays = 61, ReleaseTimeOfDay = TimeSpan.FromHours(24), ChiefFee = 1.234m };

        Assert.Equal(
        [
            "Booking:Catalogue:BookingWindowDays must be between 0 and 60 (was 61).",
            "Booking:Catalogue:ReleaseDaysBefore must be between 0 and 60 (was -1).",
            "Booking:Catalogue:ReleaseTimeOfDay must be a time of day (was 1.00:00:00).",
            "Booking:Catalogue:ChiefFee must be a non-negative amount with at most two decimals (was 1.234).",
        ], bad.Validate());
        Assert.Empty(new CatalogueRules().Validate());
    }
}
