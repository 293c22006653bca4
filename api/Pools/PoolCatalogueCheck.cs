using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Patients;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Pools;

/// <summary>
/// A pool an admin opens by hand must be a real session of the catalogue: an active doctor, filed in
/// the active department the pool names (or, named by nobody, in the doctor's own), one pool per
/// doctor, day and session, and numbers that end by midnight.
/// </summary>
/// <remarks>
/// Load-test mode (<see cref="LoadTestOptions"/>) also takes pools of doctors the catalogue does not
/// know: the load-test suite opens hot pools of thousands of numbers for synthetic doctors, which
/// are no session of the hospital. The calendar's rules (<see cref="PoolCalendarRules"/>) hold for them too.
/// </remarks>
public sealed class PoolCatalogueCheck(CatalogueDirectory directory, ICatalogueStore store, IOptionsMonitor<LoadTestOptions> loadTest)
{
    /// <summary>The definition with its department filled in, or the problem that refuses it.</summary>
    public async Task<(PoolDefinition? Pool, ProblemHttpResult? Refusal)> CheckNewAsync(PoolDefinition pool, CancellationToken cancellationToken)
    {
        var catalogue = await directory.GetAsync(cancellationToken);
        // The doctor may have been added on another silo since this one last read the catalogue.
        if (!catalogue.DoctorsById.ContainsKey(pool.DoctorId)) catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(pool.DoctorId, out var doctor))
        {
            if (loadTest.CurrentValue.Enabled && (pool.DepartmentId is null || catalogue.DepartmentsById.ContainsKey(pool.DepartmentId)))
                return (pool, null);
            return (null, CatalogueProblems.NoDoctor(pool.DoctorId));
        }
        if (pool.DepartmentId is { } named && named != doctor.DepartmentId)
            return (null, PoolProblems.OtherDepartment(doctor, named));
        if (!doctor.Active) return (null, PoolProblems.RetiredDoctor(doctor.DoctorId));
        if (!catalogue.DepartmentsById.TryGetValue(doctor.DepartmentId, out var department)) return (null, CatalogueProblems.NoDepartment(doctor.DepartmentId));
        if (!department.Active) return (null, PoolProblems.ClosedDepartment(department.DepartmentId));

        var filed = pool with { DepartmentId = department.DepartmentId };
        var errors = new RequestErrors();
        PoolCalendarRules.CheckEndsByMidnight(filed.StartTime, filed.MinutesPerNumber, filed.Quota, errors, "quota");
        if (errors.Any) return (null, BookingProblems.ValidationFailed(errors));

        var sameDay = await store.ListPoolsAsync([doctor.DoctorId], pool.Date, pool.Date, cancellationToken);
        if (sameDay.FirstOrDefault(p => p.Session == pool.Session && p.PoolId != pool.PoolId) is { } taken)
            return (null, PoolProblems.Duplicate(taken));
        return (filed, null);
    }

    /// <summary>A new quota of a catalogue doctor's pool must still end by midnight; null when it does (or the doctor is synthetic).</summary>
    public async Task<ProblemHttpResult?> CheckQuotaAsync(PoolDefinition pool, int quota, CancellationToken cancellationToken)
    {
        var catalogue = await directory.GetAsync(cancellationToken);
        if (!catalogue.DoctorsById.ContainsKey(pool.DoctorId)) return null;
        var errors = new RequestErrors();
        PoolCalendarRules.CheckEndsByMidnight(pool.StartTime, pool.MinutesPerNumber, quota, errors, "quota");
        return errors.Any ? BookingProblems.ValidationFailed(errors) : null;
    }
}
