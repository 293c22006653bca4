using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Pools;

/// <summary>
/// A pool of a deactivated doctor or department takes no new bookings (its existing ones stand: they
/// can be kept, cancelled and seen). Checked before the patient and the pool decide.
/// </summary>
/// <remarks>
/// The release rush must not pay for this: while the catalogue holds nothing inactive (the usual
/// case) the check is one dictionary read of the cached catalogue. Otherwise a pool's doctor and
/// department, which never change once it is opened, are read once per pool and remembered.
/// </remarks>
public sealed class BookableSessions(CatalogueDirectory directory, ISlotPoolGrainFactory pools)
{
    /// <summary>Past this many remembered pools the memory starts afresh; a hospital has a few thousand pools a week.</summary>
    public const int MaxRememberedPools = 100_000;

    private readonly ConditionalWeakTable<CatalogueSnapshot, Retired> retiredByCatalogue = new();
    private readonly ConcurrentDictionary<string, Owners> ownersByPool = new(StringComparer.Ordinal);

    /// <summary>The refusal for booking in <paramref name="poolId"/>, or null when it may be booked (or does not exist: the pool says so).</summary>
    public async ValueTask<ProblemHttpResult?> RefusalAsync(string poolId, CancellationToken cancellationToken)
    {
        var catalogue = await directory.GetAsync(cancellationToken);
        var retired = retiredByCatalogue.GetValue(catalogue, Retired.Of);
        if (retired.IsEmpty) return null;
        if (!ownersByPool.TryGetValue(poolId, out var owners))
        {
            if (await pools.GetSlotPool(poolId).GetSnapshotAsync() is not { } pool) return null;
            if (ownersByPool.Count >= MaxRememberedPools) ownersByPool.Clear();
            owners = new Owners(pool.Definition.DoctorId, pool.Definition.DepartmentId);
            ownersByPool[poolId] = owners;
        }
        if (retired.Doctors.Contains(owners.DoctorId)) return PoolProblems.RetiredDoctor(owners.DoctorId);
        // A pool opened without a department is in its doctor's.
        var department = owners.DepartmentId ?? (catalogue.DoctorsById.TryGetValue(owners.DoctorId, out var doctor) ? doctor.DepartmentId : null);
        return department is not null && retired.Departments.Contains(department) ? PoolProblems.ClosedDepartment(department) : null;
    }

    private sealed record Owners(string DoctorId, string? DepartmentId);

    private sealed record Retired(HashSet<string> Doctors, HashSet<string> Departments)
    {
        public bool IsEmpty => Doctors.Count == 0 && Departments.Count == 0;

        public static Retired Of(CatalogueSnapshot catalogue) => new(
            catalogue.Doctors.Where(d => !d.Active).Select(d => d.DoctorId).ToHashSet(StringComparer.Ordinal),
            catalogue.Departments.Where(d => !d.Active).Select(d => d.DepartmentId).ToHashSet(StringComparer.Ordinal));
    }
}
