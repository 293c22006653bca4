using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Catalogue;

/// <summary>
/// Builds the browse pages patients flood before a release. The catalogue comes from memory, the
/// pools of the window from one indexed query, and each pool's numbers from the pool's committed
/// snapshot, which is read without queueing behind reservations.
/// </summary>
public sealed class CatalogueBrowser(
    CatalogueDirectory directory, ICatalogueStore store, ISlotPoolGrainFactory pools, SchedulePlanner planner,
    CatalogueRules rules, HospitalTime time)
{
    /// <summary>How many upcoming sessions each doctor of a department shows.</summary>
    public const int NextSessionsShown = 3;

    public async Task<DepartmentDoctorsResponse?> DepartmentDoctorsAsync(string departmentId, CancellationToken cancellationToken)
    {
        var catalogue = await directory.GetAsync(cancellationToken);
        if (!catalogue.DepartmentsById.TryGetValue(departmentId, out var department)) return null;
        var doctors = catalogue.Doctors.Where(d => d.DepartmentId == departmentId && d.Active).ToList();
        var sessions = await SessionsAsync(doctors.Select(d => d.DoctorId).ToList(), cancellationToken);
        return new DepartmentDoctorsResponse(
            DepartmentResponse.From(department, rules),
            doctors.Select(d => new DoctorWithSessionsResponse(
                DoctorResponse.From(d, rules),
                sessions.Where(s => s.DoctorId == d.DoctorId && s.Status != PoolStatus.Cancelled).Take(NextSessionsShown).ToArray()))
            .ToArray());
    }

    public async Task<CalendarResponse?> CalendarAsync(string doctorId, CancellationToken cancellationToken)
    {
        var catalogue = await directory.GetAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(doctorId, out var doctor)) return null;
        var (from, to) = planner.WindowAt(time.Now);
        var sessions = await SessionsAsync([doctorId], cancellationToken);
        return new CalendarResponse(DoctorResponse.From(doctor, rules), Date(from), Date(to), sessions.ToArray());
    }

    /// <summary>The pools of these doctors in the booking window, by date, session and start.</summary>
    private async Task<List<PoolResponse>> SessionsAsync(IReadOnlyCollection<string> doctorIds, CancellationToken cancellationToken)
    {
        var (from, to) = planner.WindowAt(time.Now);
        var stored = await store.ListPoolsAsync(doctorIds, from, to, cancellationToken);
        var snapshots = await Task.WhenAll(stored.Select(p => pools.GetSlotPool(p.PoolId).GetSnapshotAsync()));
        return snapshots
            .OfType<SlotPoolSnapshot>()
            .Select(s => PoolResponse.From(s, time))
            .OrderBy(p => p.Date, StringComparer.Ordinal).ThenBy(p => p.Session).ThenBy(p => p.StartTime, StringComparer.Ordinal)
            .ThenBy(p => p.PoolId, StringComparer.Ordinal)
            .ToList();
    }

    private static string Date(DateOnly date) => date.ToString(WireFormats.Date, System.Globalization.CultureInfo.InvariantCulture);
}
