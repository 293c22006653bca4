using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// The patient's reservations and entries in draws in memory, the one limit place held while a
/// pool decides, and the places of attempts whose outcome is unknown (the pool call failed without
/// an answer). Never written by the patient grain: the reservations and the entries are durable in
/// the pools' rows, so this is rebuilt from them on activation and whenever it may have drifted.
/// </summary>
/// <remarks>
/// An entry counts from the pool's answer until its draw is due; one the database shows is counted
/// again by a new activation (a restart, a lost silo, an idle grain collected), so wins stay within
/// the limits. An entry whose draw is due no longer counts, drawn or not: the reservations read then
/// show what it won — except from a pool that no silo held at its close (its silo lost) and that
/// draws only when next activated; that win stands, even past a limit. Places in doubt live in
/// memory only, until a read shows their reservation or the pool answers the patient again: a new
/// activation does not know them.
/// </remarks>
public sealed class PatientBookings
{
    // Not readonly (LazyDictionary is a mutable struct), and empty for most patients: created by the first add.
    private LazyDictionary<BookedVisit> byReservation;
    private LazyDictionary<DrawEntryPlace> entries;
    // By pool: a patient holds at most one number per pool, so the pool's next answer settles its place.
    private LazyDictionary<BookedVisit> inDoubt;
    private BookedVisit? held;

    public PatientBookings(IEnumerable<BookedVisit> loaded, IEnumerable<DrawEntryPlace>? entered = null, IEnumerable<BookedVisit>? doubted = null)
    {
        byReservation = LazyDictionary<BookedVisit>.Of(loaded, v => v.ReservationId);
        entries = LazyDictionary<DrawEntryPlace>.Of(entered ?? [], e => e.PoolId);
        inDoubt = LazyDictionary<BookedVisit>.Of((doubted ?? []).Where(d => !IsShown(d)), d => d.PoolId);
    }

    /// <summary>The reservations and entries as <paramref name="stored"/>, the entries whose draw is due at <paramref name="now"/> left out.</summary>
    public static PatientBookings Load(StoredBookings stored, DateTimeOffset now) => new(stored.Visits, Undrawn(stored, now));

    /// <summary>
    /// The reservations and entries as <paramref name="stored"/> now (entries as in <see cref="Load"/>),
    /// keeping what only memory knows: the places in doubt the read does not settle.
    /// </summary>
    public PatientBookings ReadBack(StoredBookings stored, DateTimeOffset now) => new(stored.Visits, Undrawn(stored, now), inDoubt.Values);

    private static IEnumerable<DrawEntryPlace> Undrawn(StoredBookings stored, DateTimeOffset now) => stored.Entries.Where(e => e.WaitsAt(now));

    public IReadOnlyCollection<BookedVisit> Visits => byReservation.Values;

    /// <summary>The entries whose draw is not due at <paramref name="now"/>.</summary>
    public IEnumerable<DrawEntryPlace> EntriesUndrawnAt(DateTimeOffset now) => entries.Values.Where(e => e.WaitsAt(now));

    /// <summary>True when an entry's draw is due and its result was not told: memory may miss a number won.</summary>
    public bool HasEntryDrawnBy(DateTimeOffset now) => entries.Values.Any(e => !e.WaitsAt(now));

    /// <summary>True while the patient's entry in <paramref name="poolId"/> waits for its draw: the pool answers the same entry.</summary>
    public bool IsEntered(string poolId, DateTimeOffset now) => entries.TryGetValue(poolId, out var entry) && entry.WaitsAt(now);

    /// <summary>True while an attempt's outcome is unknown somewhere: memory may miss a reservation, so the truth is read first.</summary>
    public bool HasPlacesInDoubt => inDoubt.Count > 0;

    /// <summary>True while an attempt in <paramref name="poolId"/> has an unknown outcome: only the pool can answer the next one.</summary>
    public bool IsInDoubt(string poolId) => inDoubt.ContainsKey(poolId);

    /// <summary>True when an attempt with <paramref name="idempotencyKey"/> in this pool made a reservation before.</summary>
    public bool Made(string poolId, string idempotencyKey) =>
        byReservation.Values.Any(v => v.PoolId == poolId && v.IdempotencyKey == idempotencyKey);

    /// <summary>True when the patient holds a number in this pool: the pool's own answer (already booked) is the precise one.</summary>
    public bool Holds(string poolId) => byReservation.Values.Any(v => v.PoolId == poolId && v.Status.HoldsNumber());

    /// <summary>The first limit one more reservation on <paramref name="day"/> would break, or null when it fits.</summary>
    public LimitKind? Exceeded(VisitDay day, PatientLimits limits)
    {
        var counted = byReservation.Values.Where(v => v.Counts).Select(v => (v.VisitDate, v.DepartmentId))
            .Concat(entries.Values.Select(e => (VisitDate: e.Day.Date, e.Day.DepartmentId)))
            .Concat(inDoubt.Values.Select(d => (d.VisitDate, d.DepartmentId))).ToList();
        if (held is not null) counted.Add((held.VisitDate, held.DepartmentId));

        if (day.DepartmentId is { } department
            && counted.Count(v => v.VisitDate == day.Date && v.DepartmentId == department) + 1 > limits.PerDepartmentPerDay)
            return LimitKind.DepartmentPerDay;
        if (counted.Count(v => v.VisitDate == day.Date) + 1 > limits.PerDay) return LimitKind.PerDay;

        // Every window of WeekDays consecutive days that contains the new visit must stay within the limit.
        for (var start = day.Date.AddDays(1 - limits.WeekDays); start <= day.Date; start = start.AddDays(1))
        {
            var end = start.AddDays(limits.WeekDays - 1);
            if (counted.Count(v => v.VisitDate >= start && v.VisitDate <= end) + 1 > limits.PerWeek) return LimitKind.PerWeek;
        }
        return null;
    }

    /// <summary>Takes a limit place for an attempt in <paramref name="poolId"/> while its pool decides.</summary>
    public void Hold(string poolId, VisitDay day)
    {
        if (held is not null) throw new InvalidOperationException("A limit place is already held: patient turns never overlap.");
        held = new BookedVisit("", poolId, day.Date, day.DepartmentId, null, ReservationStatus.PendingPayment);
    }

    /// <summary>The pool made (or replayed) <paramref name="reservation"/>: the held place becomes that reservation.</summary>
    public void Confirm(Reservation reservation, VisitDay day)
    {
        held = null;
        Record(reservation, day);
    }

    /// <summary>The pool took (or had) the patient's entry in its draw: the held place stays, as the entry's, until the draw.</summary>
    public void Enter(string poolId, VisitDay day, DateTimeOffset drawAt)
    {
        held = null;
        entries.Set(poolId, new DrawEntryPlace(poolId, day, drawAt));
    }

    /// <summary>The draw of <paramref name="poolId"/> is durable: the entry's place becomes <paramref name="won"/>, or is free.</summary>
    public void Drawn(string poolId, Reservation? won, VisitDay day)
    {
        entries.Remove(poolId);
        if (won is not null) Record(won, day);
    }

    /// <summary>The pool refused, or failed before deciding anything: the held place is given back.</summary>
    public void Release() => held = null;

    /// <summary>
    /// The pool call failed without an answer (a timeout, a lost silo): the pool may still commit the
    /// reservation, so the held place stays counted, in doubt, until that pool or the database says.
    /// </summary>
    public void Doubt(string? idempotencyKey)
    {
        if (held is not { } place) return;
        held = null;
        inDoubt.Set(place.PoolId, place with { IdempotencyKey = idempotencyKey });
    }

    /// <summary>The pool answered the patient: whatever it said (a number, an entry, a refusal) is its outcome now.</summary>
    public void Settle(string poolId) => inDoubt.Remove(poolId);

    // The read shows the attempt's reservation (by its key), or a number in that pool: it counts as a reservation from now on.
    private bool IsShown(BookedVisit doubt) => byReservation.Values.Any(v => v.PoolId == doubt.PoolId
        && ((doubt.IdempotencyKey is { } key && v.IdempotencyKey == key) || v.Status.HoldsNumber()));

    /// <summary>Remembers a reservation learnt of outside an attempt (e.g. the pool says the patient holds one).</summary>
    public void Record(Reservation reservation, VisitDay day) =>
        byReservation.Set(reservation.ReservationId, new BookedVisit(
            reservation.ReservationId, reservation.PoolId, day.Date, day.DepartmentId, reservation.IdempotencyKey, reservation.Status));

    /// <summary>The reservation no longer takes a place (cancelled); kept for idempotent retries.</summary>
    public void MarkCancelled(string reservationId)
    {
        if (byReservation.TryGetValue(reservationId, out var visit))
            byReservation.Set(reservationId, visit with { Status = ReservationStatus.Cancelled });
    }
}
