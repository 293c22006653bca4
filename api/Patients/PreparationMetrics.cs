using System.Diagnostics.Metrics;
using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Api.Patients;

/// <summary>
/// What became of each patient sign-in's preparation, on the service's meter (exported on /metrics as
/// <c>orleansbooking_patients_prepared_at_sign_in_total</c>): prepared, not queued because the queue
/// was full, or failed. When sign-in outruns preparation, the patients left out load at their first
/// booking, in the release second; this is where an operator sees how many that will be.
/// </summary>
public sealed class PreparationMetrics
{
    public const string InstrumentName = "orleansbooking.patients.prepared_at_sign_in";

    private readonly Counter<long> signIns;

    public PreparationMetrics(IMeterFactory meters) =>
        signIns = meters.Create(GroupCommitMetrics.MeterName)
            .CreateCounter<long>(InstrumentName, "{sign-in}", "Patient sign-ins whose patients were prepared, left out (queue full) or failed to prepare.");

    public void Prepared() => Record("prepared");

    public void NotQueued() => Record("not_queued");

    public void Failed() => Record("failed");

    private void Record(string outcome) => signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
