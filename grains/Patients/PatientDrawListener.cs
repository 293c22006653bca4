using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>Tells every entrant's patient grain its draw result, one-way (<see cref="IPatientGrain.LotteryDrawnAsync"/>).</summary>
public sealed class PatientDrawListener(IGrainFactory grains) : IDrawListener
{
    public void EntrantsDrawn(PoolDefinition pool, IReadOnlyList<DrawnEntrant> entrants)
    {
        // One-way: each call's task completes once the message is sent, never waiting on the patient.
        foreach (var entrant in entrants)
            _ = grains.GetGrain<IPatientGrain>(entrant.PatientId).LotteryDrawnAsync(pool.PoolId, pool.Date, pool.DepartmentId, entrant.Won);
    }
}
