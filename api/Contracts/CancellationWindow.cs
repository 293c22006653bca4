using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts;

/// <summary>
/// Until when a patient may cancel a reservation (<see cref="Until"/>; null once its status can no
/// longer be cancelled) and whether that is still ahead (<see cref="Open"/>). Every answer that shows
/// a patient their number says it the same way, so a same-day booking says "not cancellable" wherever it is read.
/// </summary>
public readonly record struct CancellationWindow(DateTimeOffset? Until, bool Open)
{
    public static CancellationWindow Of(Reservation reservation, HospitalTime time)
    {
        // The statuses the pool lets a patient cancel (SlotPoolGrain.Cancel).
        if (reservation.Status is not (ReservationStatus.Booked or ReservationStatus.PendingPayment)) return new(null, false);
        var until = time.CancellationDeadline(reservation.VisitTime);
        return new(until, time.Now < until);
    }
}
