-- Version 1: slot pools and their reservations (DESIGN.md §5).
-- Instants are UTC text 'yyyy-MM-ddTHH:mm:ss.fffffffZ', which sorts as time and which SQLite's
-- date functions read; visit dates are 'yyyy-MM-dd', session start times 'HH:mm:ss'.
-- IF NOT EXISTS keeps the script re-runnable, like its MySQL twin (whose DDL is not transactional).

CREATE TABLE IF NOT EXISTS pools (
    pool_id            TEXT           NOT NULL PRIMARY KEY,
    doctor_id          TEXT           NOT NULL,
    visit_date         TEXT           NOT NULL,
    session            TEXT           NOT NULL CHECK (session IN ('morning', 'afternoon', 'evening')),
    start_time         TEXT           NOT NULL,
    minutes_per_number INTEGER        NOT NULL CHECK (minutes_per_number >= 0),
    quota              INTEGER        NOT NULL CHECK (quota >= 0),
    fee                DECIMAL(12, 2) NOT NULL,
    release_at         TEXT           NOT NULL,
    status             TEXT           NOT NULL CHECK (status IN ('open', 'closed', 'cancelled')),
    version            INTEGER        NOT NULL,
    created_at         TEXT           NOT NULL,
    updated_at         TEXT           NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_pools_doctor_date ON pools (doctor_id, visit_date);

CREATE TABLE IF NOT EXISTS reservations (
    reservation_id      TEXT    NOT NULL PRIMARY KEY,
    pool_id             TEXT    NOT NULL REFERENCES pools (pool_id),
    patient_id          TEXT    NOT NULL,
    sequence_number     INTEGER NOT NULL CHECK (sequence_number > 0),
    visit_time          TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN
        ('pending_payment', 'booked', 'checked_in', 'in_consultation', 'completed', 'cancelled', 'no_show')),
    idempotency_key     TEXT    NULL,
    created_at          TEXT    NOT NULL,
    cancelled_at        TEXT    NULL,
    cancellation_reason TEXT    NULL CHECK (cancellation_reason IN
        ('patient_request', 'doctor_unavailable', 'payment_expired', 'admin_action')),
    -- The number and the patient while the reservation holds the number, NULL once it does not.
    -- UNIQUE ignores NULLs, so plain unique constraints allow any number of released rows but only
    -- one active holder of a number and one active reservation per patient, with no partial index.
    active_sequence     INTEGER NULL,
    active_patient_id   TEXT    NULL,
    CONSTRAINT ux_reservations_active_sequence UNIQUE (pool_id, active_sequence),
    CONSTRAINT ux_reservations_active_patient UNIQUE (pool_id, active_patient_id),
    CONSTRAINT ux_reservations_idempotency_key UNIQUE (pool_id, idempotency_key),
    CONSTRAINT ck_reservations_active_holder CHECK (
        (active_sequence IS NULL AND active_patient_id IS NULL AND status IN ('cancelled', 'no_show'))
        OR (active_sequence = sequence_number AND active_patient_id = patient_id AND status NOT IN ('cancelled', 'no_show')))
);

CREATE INDEX IF NOT EXISTS ix_reservations_patient ON reservations (patient_id);
