using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using static OrleansBooking.Tests.Storage.PoolExamples;

namespace OrleansBooking.Tests.Statistics;

/// <summary>
/// A small hospital whose statistics are worked out by hand (all releases 2026-11-29 00:00Z unless said):
/// <list type="bullet">
/// <item>p1 — dr-lin, cardiology, 10 Dec, quota 3: numbers at +10 s, +20 s, +45 s → sold out in 45 s.</item>
/// <item>p2 — dr-lin, cardiology, 11 Dec, quota 4: +5 s, +7 s (cancelled), +9 s (no-show) → 2 booked.</item>
/// <item>p3 — dr-wang, dermatology, 10 Dec, quota 2: +30 s, +90 s (cancelled), rebooked at +300 s → sold out in 300 s.</item>
/// <item>p4 — dr-zhao, no department, 10 Dec, quota 5, released only on 1 Dec: nothing released yet.</item>
/// <item>p5 — dr-lin, cardiology, 20 Dec, quota 9: outside the range asked for.</item>
/// </list>
/// Read as of <see cref="Now"/> (2026-11-30 00:00Z) for 10–11 Dec.
/// </summary>
public static class HospitalDataset
{
    public static readonly DateTimeOffset ReleaseAt = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly From = new(2026, 12, 10);
    public static readonly DateOnly To = new(2026, 12, 11);

    public static async Task WriteAsync(IChangeStorage<SlotPoolState, SlotPoolChange> pools)
    {
        await PoolAsync(pools, "p1", "dr-lin", "cardiology", From, quota: 3);
        await BookAsync(pools, "p1", 1, (1, 10), (2, 20), (3, 45));

        await PoolAsync(pools, "p2", "dr-lin", "cardiology", To, quota: 4);
        await BookAsync(pools, "p2", 1, (1, 5), (2, 7), (3, 9));
        await pools.WriteAsync("p2", 2,
        [
            new ReservationCancelled(Made("p2", 2, 7).ReservationId, CancellationReason.PatientRequest, Now),
            new ReservationStatusChanged(Made("p2", 3, 9).ReservationId, ReservationStatus.Booked, ReservationStatus.NoShow, Now),
        ], CancellationToken.None);

        await PoolAsync(pools, "p3", "dr-wang", "dermatology", From, quota: 2);
        await BookAsync(pools, "p3", 1, (1, 30), (2, 90));
        await pools.WriteAsync("p3", 2,
        [
            new ReservationCancelled(Made("p3", 2, 90).ReservationId, CancellationReason.PatientRequest, Now),
            new ReservationMade(Made("p3", 2, 300, patientId: "patient-x")),
        ], CancellationToken.None);

        await PoolAsync(pools, "p4", "dr-zhao", null, From, quota: 5, releaseAt: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        await PoolAsync(pools, "p5", "dr-lin", "cardiology", new DateOnly(2026, 12, 20), quota: 9);
        await BookAsync(pools, "p5", 1, (1, 1));
    }

    private static Task PoolAsync(
        IChangeStorage<SlotPoolState, SlotPoolChange> pools, string poolId, string doctorId, string? departmentId, DateOnly date, int quota,
        DateTimeOffset? releaseAt = null) =>
        pools.WriteAsync(poolId, 0,
        [
            new PoolCreated(Pool(poolId, quota) with
            {
                DoctorId = doctorId,
                DepartmentId = departmentId,
                Date = date,
                ReleaseAt = releaseAt ?? ReleaseAt,
            }, Now),
        ], CancellationToken.None);

    private static Task BookAsync(IChangeStorage<SlotPoolState, SlotPoolChange> pools, string poolId, long version, params (int Number, int Seconds)[] made) =>
        pools.WriteAsync(poolId, version, made.Select(m => (SlotPoolChange)new ReservationMade(Made(poolId, m.Number, m.Seconds))).ToList(),
            CancellationToken.None);

    private static Reservation Made(string poolId, int number, int secondsAfterRelease, string? patientId = null) =>
        Reservation(number, patientId, poolId) with { CreatedAt = ReleaseAt.AddSeconds(secondsAfterRelease) };
}
