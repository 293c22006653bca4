using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.Tests.LoadTests;

public class PoolCatalogueTests
{
    private static PoolCatalogue Catalogue(int pools, double exponent) =>
        new(Enumerable.Range(0, pools).Select(i => new ProvisionedPool($"p{i}", $"d{i}", "2026-12-08", 10)).ToList(), exponent);

    [Fact]
    public void FamousDoctorsDrawTheCrowdByZipfsLaw()
    {
        var catalogue = Catalogue(36, 1.1);
        var counts = new int[36];

        for (long i = 0; i < 200_000; i++)
        {
            var dice = new VisitDice(2022, i);
            counts[catalogue.PickRank(ref dice)]++;
        }

        Assert.Equal(1.0, Enumerable.Range(0, 36).Sum(catalogue.ShareOf), precision: 9);
        Assert.True(catalogue.ShareOf(0) / catalogue.ShareOf(1) > 2.1, "rank 1 should be 2^1.1 times rank 2");
        for (int rank = 0; rank < 36; rank++)
        {
            double expected = catalogue.ShareOf(rank) * 200_000;
            Assert.True(Math.Abs(counts[rank] - expected) < 5 * Math.Sqrt(expected) + 5, $"rank {rank}: expected ≈{expected:0}, drew {counts[rank]}");
        }
    }

    [Fact]
    public void NextChoiceIsAPoolNotYetTried()
    {
        var catalogue = Catalogue(3, 5.0); // so skewed that random draws nearly always hit rank 0
        var dice = new VisitDice(1, 1);

        Assert.Equal(2, catalogue.PickRankOtherThan([0, 1], ref dice));
        Assert.Equal(-1, catalogue.PickRankOtherThan([0, 1, 2], ref dice));
    }

    [Fact]
    public void DiceAreRepeatablePerArrival()
    {
        var a = new VisitDice(7, 42);
        var b = new VisitDice(7, 42);
        var c = new VisitDice(7, 43);

        Assert.Equal(a.NextUInt64(), b.NextUInt64());
        Assert.NotEqual(a.NextUInt64(), c.NextUInt64());
    }
}
