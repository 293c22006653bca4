using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>A patient of a scenario variant giving a number back now, measured, and promised to the ledger only once confirmed.</summary>
public static class PatientCancellation
{
    public static async Task RunAsync(VisitContext context, Reservation reservation, BearerToken? token, CancellationToken ct)
    {
        long intended = context.Measurements.Clock.GetTimestamp();
        context.Ledger.CancellationRequested(reservation.ReservationId);
        ServiceCall<Reservation> call;
        try
        {
            call = await context.Client.CancelAsync(reservation.ReservationId, token, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Cut off in flight: the ledger already allows the number either held or given back.
            context.Measurements.CutOff.Add(RequestKind.Cancel);
            throw;
        }
        context.Measurements.Record(RequestKind.Cancel, call.Outcome, intended);
        if (call.Outcome.IsSuccess) context.Ledger.CancellationConfirmed(reservation.ReservationId);
    }
}
