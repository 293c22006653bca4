using System.Security.Claims;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Who may touch which resource, beyond the route's role policy: a patient account only the patients
/// it manages (and their reservations), a doctor only their own sessions, an admin everything.
/// </summary>
public static class ResourceAccess
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.RoleOf() == AccountRoles.Admin;

    /// <summary>True when the caller may see and run the session of <paramref name="doctorId"/>.</summary>
    public static bool RunsSessionOf(this ClaimsPrincipal user, string doctorId) =>
        user.IsAdmin() || (user.RoleOf() == AccountRoles.Doctor && user.DoctorIdOf() == doctorId);

    /// <summary>True when the caller is the patient account managing <paramref name="patientId"/>, or an admin.</summary>
    public static async Task<bool> ManagesPatientAsync(
        this ClaimsPrincipal user, string patientId, IPatientDirectory directory, CancellationToken cancellationToken)
    {
        if (user.IsAdmin()) return true;
        if (user.RoleOf() != AccountRoles.Patient) return false;
        return await directory.FindAsync(patientId, cancellationToken) is { } record && record.Profile.AccountId == user.AccountIdOf();
    }

    /// <summary>The patient's account, the doctor of the reservation's session, or an admin.</summary>
    public static async Task<bool> MaySeeReservationAsync(
        this ClaimsPrincipal user, Reservation reservation, ISlotPoolGrain pool, IPatientDirectory directory, CancellationToken cancellationToken) =>
        user.RoleOf() switch
        {
            AccountRoles.Admin => true,
            AccountRoles.Patient => await user.ManagesPatientAsync(reservation.PatientId, directory, cancellationToken),
            AccountRoles.Doctor => await pool.GetSnapshotAsync() is { } snapshot && user.RunsSessionOf(snapshot.Definition.DoctorId),
            _ => false,
        };
}
