namespace OrleansBooking.Grains.Analytics;

/// <summary>
/// What the M/M/s model expects of a clinic's waiting room. Times are minutes.
/// </summary>
/// <param name="ProbabilityOfWaiting">Erlang C: the chance an arriving patient finds every doctor busy.</param>
/// <param name="MeanWaitMinutes">Mean time in the queue before being seen (Wq).</param>
/// <param name="MeanQueueLength">Mean number of patients waiting, not being seen (Lq).</param>
/// <param name="Utilisation">The share of time each doctor is busy (ρ = λ / (s·μ)).</param>
/// <param name="MeanTimeInClinicMinutes">Waiting plus consultation (W = Wq + 1/μ).</param>
public sealed record QueueEstimate(
    double ProbabilityOfWaiting,
    double MeanWaitMinutes,
    double MeanQueueLength,
    double Utilisation,
    double MeanTimeInClinicMinutes);
