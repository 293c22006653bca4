-- Version 42: a pool's waitlist (docs/waitlist-and-lottery.md). One row per patient and pool:
-- waiting (in turn order), offered (a freed number held for them until offer_expires_at), or
-- ended: taken (the reservation_id it became), lapsed (expired, declined, withdrawn) or left.
-- Rows are kept once ended, so a late accept is told offer_expired and the trail stays.

CREATE TABLE IF NOT EXISTS waitlist_entries (
    pool_id           TEXT    NOT NULL REFERENCES pools (pool_id),
    patient_id        TEXT    NOT NULL,
    turn              INTEGER NOT NULL CHECK (turn > 0),
    joined_at         TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('waiting', 'offered', 'taken', 'lapsed', 'left')),
    offer_number      INTEGER NULL CHECK (offer_number > 0),
    offer_visit_time  TEXT    NULL,
    offered_at        TEXT    NULL,
    offer_expires_at  TEXT    NULL,
    ended_at          TEXT    NULL,
    lapse             TEXT    NULL CHECK (lapse IN ('expired', 'declined', 'withdrawn')),
    reservation_id    TEXT    NULL,
    PRIMARY KEY (pool_id, patient_id),
    UNIQUE (pool_id, turn)
);

-- "How many waitlists is this patient on" when they join another.
CREATE INDEX IF NOT EXISTS ix_waitlist_entries_patient ON waitlist_entries (patient_id, status);
