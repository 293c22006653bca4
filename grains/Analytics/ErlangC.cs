namespace OrleansBooking.Grains.Analytics;

/// <summary>
/// The M/M/s queue (Poisson arrivals, exponential consultations, s doctors, one shared queue):
/// the standard model for estimating a clinic's waiting time from its arrival rate.
/// </summary>
public static class ErlangC
{
    /// <summary>
    /// The estimate for <paramref name="arrivalsPerHour"/> patients an hour, consultations of
    /// <paramref name="serviceMinutes"/> on average, and <paramref name="servers"/> doctors;
    /// null when the queue is unstable (arrivals at or above what the doctors can see), where it
    /// grows without bound and no steady-state answer exists.
    /// </summary>
    public static QueueEstimate? Estimate(double arrivalsPerHour, double serviceMinutes, int servers)
    {
        if (!double.IsFinite(arrivalsPerHour) || arrivalsPerHour <= 0)
            throw new ArgumentOutOfRangeException(nameof(arrivalsPerHour), arrivalsPerHour, "Must be a finite number above zero.");
        if (!double.IsFinite(serviceMinutes) || serviceMinutes <= 0)
            throw new ArgumentOutOfRangeException(nameof(serviceMinutes), serviceMinutes, "Must be a finite number above zero.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);

        var serviceRatePerHour = 60.0 / serviceMinutes;
        var offeredLoad = arrivalsPerHour / serviceRatePerHour; // a = λ/μ, in Erlangs
        var utilisation = offeredLoad / servers;
        if (utilisation >= 1.0) return null;

        var waiting = ProbabilityOfWaiting(offeredLoad, servers, utilisation);
        var meanWaitHours = waiting / (servers * serviceRatePerHour - arrivalsPerHour);
        return new QueueEstimate(
            ProbabilityOfWaiting: waiting,
            MeanWaitMinutes: meanWaitHours * 60.0,
            MeanQueueLength: arrivalsPerHour * meanWaitHours, // Little's law: Lq = λ·Wq
            Utilisation: utilisation,
            MeanTimeInClinicMinutes: meanWaitHours * 60.0 + serviceMinutes);
    }

    /// <summary>The greatest arrival rate per hour the doctors can keep up with (s·μ); at or above it the queue is unstable.</summary>
    public static double CapacityPerHour(double serviceMinutes, int servers) => servers * 60.0 / serviceMinutes;

    // Through the Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)) rather than a^s/s!: the
    // powers and factorials overflow a double near 170 doctors, the recursion never does.
    private static double ProbabilityOfWaiting(double offeredLoad, int servers, double utilisation)
    {
        var blocking = 1.0;
        for (var k = 1; k <= servers; k++) blocking = offeredLoad * blocking / (k + offeredLoad * blocking);
        return blocking / (1.0 - utilisation * (1.0 - blocking));
    }
}
