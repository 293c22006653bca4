// Until when a number can be cancelled, as the silo answers it (cancellableUntil): the rule
// (days before, time of day, same-day bookings) lives in one place, on the server.
export function cancellationNote(app, reservation) {
  return reservation.cancellable
    ? app.t('confirmation.deadline', app.clock.dateTime(reservation.cancellableUntil))
    : app.t('confirmation.notCancellable');
}
