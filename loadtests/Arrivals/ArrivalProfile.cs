namespace OrleansBooking.LoadTests.Arrivals;

/// <summary>
/// The shape of an open-model workload: how many patients arrive per second at each moment,
/// regardless of how fast the service answers. Each shape knows its cumulative count in closed
/// form, so a schedule can place arrival k exactly where the k-th arrival is due.
/// </summary>
public abstract record ArrivalProfile(TimeSpan Duration)
{
    /// <summary>Arrivals per second at <paramref name="seconds"/> after the start.</summary>
    public abstract double RateAt(double seconds);

    /// <summary>Arrivals expected in [0, <paramref name="seconds"/>).</summary>
    public abstract double CumulativeAt(double seconds);

    /// <summary>The same shape with every rate multiplied by <paramref name="factor"/>.</summary>
    public abstract ArrivalProfile Scaled(double factor);

    public double ExpectedArrivals => CumulativeAt(Duration.TotalSeconds);

    public double PeakRate => Math.Max(RateAt(0), RateAt(Duration.TotalSeconds));

    public abstract string Describe();
}

/// <summary>A steady stream, as in a soak test.</summary>
public sealed record ConstantArrivals(double Rate, TimeSpan Duration) : ArrivalProfile(Duration)
{
    public override double RateAt(double seconds) => Rate;
    public override double CumulativeAt(double seconds) => Rate * seconds;
    public override ArrivalProfile Scaled(double factor) => this with { Rate = Rate * factor };
    public override string Describe() => $"constant {Rate:0.#}/s for {Duration.TotalSeconds:0.#} s";
}

/// <summary>A straight line from <see cref="From"/> to <see cref="To"/> arrivals per second, to find a knee.</summary>
public sealed record RampArrivals(double From, double To, TimeSpan Duration) : ArrivalProfile(Duration)
{
    public override double RateAt(double seconds) => From + (To - From) * seconds / Duration.TotalSeconds;
    public override double CumulativeAt(double seconds) => From * seconds + (To - From) * seconds * seconds / (2 * Duration.TotalSeconds);
    public override ArrivalProfile Scaled(double factor) => this with { From = From * factor, To = To * factor };
    public override string Describe() => $"ramp {From:0.#}→{To:0.#}/s over {Duration.TotalSeconds:0.#} s";
}

/// <summary>
/// The release rush: at the release instant everyone who was waiting presses "book" at once
/// (<see cref="Peak"/>), then the crowd thins out exponentially with time constant
/// <see cref="Decay"/> towards the steady <see cref="Floor"/> of late-comers.
/// </summary>
public sealed record ReleaseSpikeArrivals(double Peak, double Floor, TimeSpan Decay, TimeSpan Duration) : ArrivalProfile(Duration)
{
    public override double RateAt(double seconds) => Floor + (Peak - Floor) * Math.Exp(-seconds / Decay.TotalSeconds);

    public override double CumulativeAt(double seconds)
    {
        double tau = Decay.TotalSeconds;
        return Floor * seconds + (Peak - Floor) * tau * (1 - Math.Exp(-seconds / tau));
    }

    public override ArrivalProfile Scaled(double factor) => this with { Peak = Peak * factor, Floor = Floor * factor };
    public override string Describe() =>
        $"release spike {Peak:0.#}/s decaying (τ {Decay.TotalSeconds:0.##} s) to {Floor:0.#}/s over {Duration.TotalSeconds:0.#} s";
}
