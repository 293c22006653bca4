using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.DoctorsDay;

/// <summary>A session's day list, as the doctor's-day routes of one pool and of one doctor's day read it.</summary>
public static class DayLists
{
    /// <summary>The pool's day list, or null when there is no such pool.</summary>
    public static async Task<DayListResponse?> ReadAsync(
        ISlotPoolGrain pool, bool includeCancelled, HospitalTime time, IPatientDirectory patients, CancellationToken cancellationToken)
    {
        // Both reads are of the grain's state; the pool is read second so its counts are never older than the list.
        if (await pool.ListReservationsAsync() is not { } reservations) return null;
        if (await pool.GetSnapshotAsync() is not { } snapshot) return null;
        return DayListResponse.From(snapshot, reservations, includeCancelled, time, await MaskedNamesAsync(reservations, patients, cancellationToken));
    }

    // One read per patient of the session (a few dozen); the day list is the doctor's, not the rush's.
    private static async Task<IReadOnlyDictionary<string, string>> MaskedNamesAsync(
        IReadOnlyList<Reservation> reservations, IPatientDirectory patients, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var patientId in reservations.Select(r => r.PatientId).Distinct(StringComparer.Ordinal))
        {
            if (await patients.FindAsync(patientId, cancellationToken) is { } patient) names[patientId] = NameMasking.Mask(patient.Profile.Name);
        }
        return names;
    }
}
