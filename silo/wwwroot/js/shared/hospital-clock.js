// The hospital's clock and time zone as the silo states them (GET /api/booking-rules). Countdowns run
// on it, not on the device's clock, which may be minutes off, and times are shown in the hospital's zone.

export async function loadHospitalClock(api) {
  const rules = await api.get('/api/booking-rules');
  const offsetMs = Date.parse(rules.now) - Date.now();
  const zone = rules.timeZoneId;
  const format = (options) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', ...options });
  const dateFormat = format({ year: 'numeric', month: '2-digit', day: '2-digit' });
  const timeFormat = format({ hour: '2-digit', minute: '2-digit' });

  return {
    rules,
    now: () => Date.now() + offsetMs,
    /** yyyy-MM-dd of an instant in the hospital's zone. */
    date: (instant) => dateFormat.format(new Date(instant)),
    /** HH:mm of an instant in the hospital's zone. */
    time: (instant) => timeFormat.format(new Date(instant)),
    /** Today in the hospital's zone. */
    today() {
      return dateFormat.format(new Date(this.now()));
    },
    /** "yyyy-MM-dd HH:mm" of an instant in the hospital's zone. */
    dateTime(instant) {
      return `${dateFormat.format(new Date(instant))} ${timeFormat.format(new Date(instant))}`;
    },
  };
}

/** "2 d 03:04:05" / "03:04:05" until an instant, or null once it has passed. */
export function countdown(untilMs, nowMs) {
  const left = Math.ceil((untilMs - nowMs) / 1000);
  if (left <= 0) return null;
  const days = Math.floor(left / 86400);
  const clock = [Math.floor(left / 3600) % 24, Math.floor(left / 60) % 60, left % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${days} d ${clock}` : clock;
}
