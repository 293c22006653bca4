// One Idempotency-Key per intent to book (this pool, this patient), made when the intent starts and
// sent with every try of it: a double tap, a retry after a timeout, a 503 all return the one
// reservation. It is forgotten once an answer is final, so booking again later (after cancelling)
// is a new intent.

const keys = new Map();

function newKey() {
  // getRandomValues works on plain-http hospital intranets too, where randomUUID does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const bookingIntents = {
  keyFor(poolId, patientId) {
    const intent = `${poolId}\n${patientId}`;
    if (!keys.has(intent)) keys.set(intent, newKey());
    return keys.get(intent);
  },
  settle(poolId, patientId) {
    keys.delete(`${poolId}\n${patientId}`);
  },
};
