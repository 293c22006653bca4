using OrleansBooking.Grains.Analytics;

namespace OrleansBooking.Tests.Analytics;

/// <summary>
/// Erlang C against values worked out by hand from the closed formulas
/// P(wait) = (aˢ/s! · s/(s−a)) / (Σₖ₌₀ˢ⁻¹ aᵏ/k! + aˢ/s! · s/(s−a)), Wq = P(wait)/(sμ − λ), Lq = λ·Wq,
/// with a = λ/μ. Tolerance 1e-9: the code takes another route (the Erlang B recursion).
/// </summary>
public sealed class ErlangCTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void OneDoctorIsTheTextbookMM1Queue()
    {
        // λ = 6/h, 6-minute consultations (μ = 10/h): ρ = 0.6, P(wait) = ρ, Wq = ρ/(μ−λ) = 0.15 h, Lq = ρ²/(1−ρ) = 0.9.
        var estimate = ErlangC.Estimate(arrivalsPerHour: 6, serviceMinutes: 6, servers: 1)!;

        Assert.Equal(0.6, estimate.Utilisation, Tolerance);
        Assert.Equal(0.6, estimate.ProbabilityOfWaiting, Tolerance);
        Assert.Equal(9.0, estimate.MeanWaitMinutes, Tolerance);
        Assert.Equal(0.9, estimate.MeanQueueLength, Tolerance);
        Assert.Equal(15.0, estimate.MeanTimeInClinicMinutes, Tolerance);
    }

    [Fact]
    public void TwoDoctorsAtHalfLoad()
    {
        // λ = 6/h, 10 minutes (μ = 6/h), s = 2: a = 1, P(wait) = (1/2 · 2) / (1 + 1 + 1) = 1/3;
        // Wq = (1/3) / (12 − 6) h = 1/18 h; Lq = 6/18 = 1/3.
        var estimate = ErlangC.Estimate(6, 10, 2)!;

        Assert.Equal(0.5, estimate.Utilisation, Tolerance);
        Assert.Equal(1.0 / 3, estimate.ProbabilityOfWaiting, Tolerance);
        Assert.Equal(60.0 / 18, estimate.MeanWaitMinutes, Tolerance);
        Assert.Equal(1.0 / 3, estimate.MeanQueueLength, Tolerance);
    }

    [Fact]
    public void ThreeDoctorsAtTwoThirdsLoad()
    {
        // λ = 12/h, 10 minutes (μ = 6/h), s = 3: a = 2, P(wait) = (8/6 · 3) / (1 + 2 + 2 + 4) = 4/9;
        // Wq = (4/9) / (18 − 12) h = 4/54 h; Lq = 12 · 4/54 = 8/9.
        var estimate = ErlangC.Estimate(12, 10, 3)!;

        Assert.Equal(2.0 / 3, estimate.Utilisation, Tolerance);
        Assert.Equal(4.0 / 9, estimate.ProbabilityOfWaiting, Tolerance);
        Assert.Equal(60.0 * 4 / 54, estimate.MeanWaitMinutes, Tolerance);
        Assert.Equal(8.0 / 9, estimate.MeanQueueLength, Tolerance);
    }

    [Theory]
    [InlineData(90.0, 10.0, 16)]
    [InlineData(1_070.0, 10.0, 200)]
    public void ManyDoctorsAgreeWithTheDirectSumWithoutOverflowing(double arrivalsPerHour, double serviceMinutes, int servers)
    {
        var expected = DirectProbabilityOfWaiting(arrivalsPerHour * serviceMinutes / 60, servers);

        var estimate = ErlangC.Estimate(arrivalsPerHour, serviceMinutes, servers)!;

        Assert.Equal(expected, estimate.ProbabilityOfWaiting, Tolerance);
        Assert.InRange(estimate.ProbabilityOfWaiting, 0.0, 1.0);
        Assert.Equal(arrivalsPerHour * estimate.MeanWaitMinutes / 60, estimate.MeanQueueLength, Tolerance);
    }

    [Theory]
    [InlineData(6.0, 10.0, 1)] // exactly at capacity: 6 an hour for one doctor seeing 6 an hour
    [InlineData(13.0, 10.0, 2)] // above capacity
    public void ArrivalsAtOrAboveCapacityHaveNoSteadyState(double arrivalsPerHour, double serviceMinutes, int servers)
    {
        Assert.Null(ErlangC.Estimate(arrivalsPerHour, serviceMinutes, servers));
    }

    [Fact]
    public void CapacityIsDoctorsTimesConsultationsPerHour()
    {
        Assert.Equal(18.0, ErlangC.CapacityPerHour(serviceMinutes: 10, servers: 3), Tolerance);
    }

    [Theory]
    [InlineData(0.0, 10.0, 1)]
    [InlineData(6.0, 0.0, 1)]
    [InlineData(6.0, 10.0, 0)]
    [InlineData(double.NaN, 10.0, 1)]
    [InlineData(6.0, double.PositiveInfinity, 1)]
    public void NonPositiveInputsAreRefused(double arrivalsPerHour, double serviceMinutes, int servers)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Estimate(arrivalsPerHour, serviceMinutes, servers));
    }

    // The textbook formula, with each term aᵏ/k! built from the previous one; in log space above
    // double range would be needed only far beyond the servers tested here.
    private static double DirectProbabilityOfWaiting(double a, int s)
    {
        var term = 1.0;
        var sum = 0.0;
        for (var k = 0; k < s; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }
        var last = term * s / (s - a);
        return last / (sum + last);
    }
}
