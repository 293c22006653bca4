using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Pools;

/// <summary>
/// What the catalogue says about booking a pool now: a deactivated doctor or department takes no new
/// bookings (the existing ones stand: they can be kept, cancelled and seen), and a department with an
/// age range (a children's clinic) takes only patients of those ages on the visit day, by the birth
/// date of their resident ID. Checked before the patient and the pool decide.
/// </summary>
/// <remarks>
/// The release rush must not pay for this: while the catalogue holds nothing inactive and no age
/// range (the usual case) the check is one read of the cached catalogue. Otherwise a pool's doctor,
/// department and day, which never change once it is opened, are read once per pool and remembered,
/// and so is a patient's birth date, which never changes either.
/// </remarks>
public sealed class BookableSessions(CatalogueDirectory directory, ISlotPoolGrainFactory pools, IPatientDirectory patients)
{
    /// <summary>Past this many remembered pools or patients that memory starts afresh; a hospital has a few thousand pools a week.</summary>
    public const int MaxRemembered = 100_000;

    private readonly ConditionalWeakTable<CatalogueSnapshot, Restrictions> restrictionsByCatalogue = new();
    private readonly ConcurrentDictionary<string, Session> sessionsByPool = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Born> birthDates = new(StringComparer.Ordinal);

    /// <summary>
    /// The refusal for <paramref name="accountId"/> booking <paramref name="patientId"/> in <paramref name="poolId"/>, or null
    /// when the catalogue allows it (or the pool or patient is missing or not the account's: the pool and patient grain say so).
    /// </summary>
    public async ValueTask<ProblemHttpResult?> RefusalAsync(string poolId, string accountId, string patientId, CancellationToken cancellationToken)
    {
        var catalogue = await directory.GetAsync(cancellationToken);
        var restrictions = restrictionsByCatalogue.GetValue(catalogue, Restrictions.Of);
        if (restrictions.IsEmpty) return null;
        if (await SessionOfAsync(poolId) is not { } session) return null;

        if (restrictions.RetiredDoctors.Contains(session.DoctorId)) return PoolProblems.RetiredDoctor(session.DoctorId);
        // A pool opened without a department is in its doctor's.
        var departmentId = session.DepartmentId ?? (catalogue.DoctorsById.TryGetValue(session.DoctorId, out var doctor) ? doctor.DepartmentId : null);
        if (departmentId is null || !catalogue.DepartmentsById.TryGetValue(departmentId, out var department)) return null;
        if (!department.Active) return PoolProblems.ClosedDepartment(departmentId);
        if (department.Ages is not { } ages) return null;
        return await BirthDateAsync(accountId, patientId, cancellationToken) is { } birthDate && !ages.Admits(birthDate, session.Date)
            ? PoolProblems.OutsideAges(departmentId, ages)
            : null;
    }

    private async ValueTask<Session?> SessionOfAsync(string poolId)
    {
        if (sessionsByPool.TryGetValue(poolId, out var known)) return known;
        if (await pools.GetSlotPool(poolId).GetSnapshotAsync() is not { } pool) return null;
        if (sessionsByPool.Count >= MaxRemembered) sessionsByPool.Clear();
        var session = new Session(pool.Definition.DoctorId, pool.Definition.DepartmentId, pool.Definition.Date);
        sessionsByPool[poolId] = session;
        return session;
    }

    // Only the managing account's own patient: anyone else learns nothing about a stranger's age.
    private async ValueTask<DateOnly?> BirthDateAsync(string accountId, string patientId, CancellationToken cancellationToken)
    {
        if (!birthDates.TryGetValue(patientId, out var born))
        {
            if (await patients.FindAsync(patientId, cancellationToken) is not { } record) return null;
            if (birthDates.Count >= MaxRemembered) birthDates.Clear();
            born = new Born(record.Profile.AccountId, record.Profile.BirthDate);
            birthDates[patientId] = born;
        }
        // The account may have changed since (a claim): then read afresh next time.
        if (born.AccountId == accountId) return born.BirthDate;
        birthDates.TryRemove(patientId, out _);
        return null;
    }

    private sealed record Session(string DoctorId, string? DepartmentId, DateOnly Date);

    private sealed record Born(string AccountId, DateOnly BirthDate);

    private sealed record Restrictions(HashSet<string> RetiredDoctors, bool AnyDepartmentRule)
    {
        public bool IsEmpty => RetiredDoctors.Count == 0 && !AnyDepartmentRule;

        public static Restrictions Of(CatalogueSnapshot catalogue) => new(
            catalogue.Doctors.Where(d => !d.Active).Select(d => d.DoctorId).ToHashSet(StringComparer.Ordinal),
            catalogue.Departments.Any(d => !d.Active || d.Ages is not null));
    }
}
