using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// A doctor account speaks for a catalogue doctor; once the hospital deactivates that doctor the
/// account neither signs in, refreshes, nor runs a session, until the doctor is active again. An
/// account's own enabled/disabled state is separate (an admin may retire the doctor, not the person).
/// </summary>
public sealed class RetiredDoctors(CatalogueDirectory directory)
{
    /// <summary>True when <paramref name="doctorId"/> names a deactivated catalogue doctor; false for none (patients, admins).</summary>
    public async ValueTask<bool> IsRetiredAsync(string? doctorId, CancellationToken cancellationToken) =>
        doctorId is not null
        && (await directory.GetAsync(cancellationToken)).DoctorsById.TryGetValue(doctorId, out var doctor)
        && !doctor.Active;
}
