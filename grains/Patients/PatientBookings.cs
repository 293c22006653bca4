using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// The patient's reservations in memory, and the one limit place held while a pool decides.
/// Never written by the patient grain: the reservations themselves are durable in the pools'
/// rows, so this is rebuilt from them on activation and whenever it may have drifted.
/// </summary>
public sealed class PatientBookings(IEnumerable<BookedVisit> loaded)
{
    private readonly Dictionary<string, BookedVisit> byReservation =
        loaded.ToDictionary(v => v.ReservationId, StringComparer.Ordinal);
    private BookedVisit? held;

    public IReadOnlyCollection<BookedVisit> Visits => byReservation.Values;

    /// <summary>True when an attempt with <paramref name="idempotencyKey"/> in this pool made a reservation before.</summary>
    public bool Made(string poolId, string idempotencyKey) =>
        byReservation.Values.Any(v => v.PoolId == poolId && v.IdempotencyKey == idempotencyKey);

    /// <summary>True when the patient holds a number in this pool: the pool's own answer (already booked) is the precise one.</summary>
    public bool Holds(string poolId) => byReservation.Values.Any(v => v.PoolId == poolId && v.Status.HoldsNumber());

    /// <summary>The first limit one more reservation on <paramref name="day"/> would break, or null when it fits.</summary>
    public LimitKind? Exceeded(VisitDay day, PatientLimits limits)
    {
        var counted = byReservation.Values.Where(v => v.Counts).Select(v => (v.VisitDate, v.DepartmentId)).ToList();
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

    /// <summary>The pool refused or failed: the held place is given back.</summary>
    public void Release() => held = null;

    /// <summary>Remembers a reservation learnt of outside an attempt (e.g. the pool says the patient holds one).</summary>
    public void Record(Reservation reservation, VisitDay day) =>
        byReservation[reservation.ReservationId] = new BookedVisit(
            reservation.ReservationId, reservation.PoolId, day.Date, day.DepartmentId, reservation.IdempotencyKey, reservation.Status);

    /// <summary>The reservation no longer takes a place (cancelled); kept for idempotent retries.</summary>
    public void MarkCancelled(string reservationId)
    {
        if (byReservation.TryGetValue(reservationId, out var visit))
            byReservation[reservationId] = visit with { Status = ReservationStatus.Cancelled };
    }
}
