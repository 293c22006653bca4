-- Version 3: patients (real-name profiles, one account managing several) and their no-shows.
-- A patient's reservations are not copied here: they are the reservations rows (patient_id),
-- which the patient grain reads to enforce its limits, so booking writes nothing for the patient.
-- version counts the patient grain's own writes (no-shows, suspensions); a profile starts at 0.

CREATE TABLE patients (
    patient_id      TEXT    NOT NULL PRIMARY KEY,
    account_id      TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    resident_id     TEXT    NOT NULL CHECK (length(resident_id) = 18),
    phone           TEXT    NOT NULL CHECK (length(phone) = 11),
    birth_date      TEXT    NOT NULL,
    sex             TEXT    NOT NULL CHECK (sex IN ('female', 'male')),
    registered_at   TEXT    NOT NULL,
    -- The latest suspension; a lift moves suspended_until to the lift and keeps suspended_from.
    suspended_from  TEXT    NULL,
    suspended_until TEXT    NULL,
    version         INTEGER NOT NULL CHECK (version >= 0),
    updated_at      TEXT    NOT NULL
);

CREATE INDEX ix_patients_account ON patients (account_id);

CREATE INDEX ix_patients_resident_id ON patients (resident_id);

CREATE TABLE patient_no_shows (
    patient_id     TEXT NOT NULL REFERENCES patients (patient_id),
    reservation_id TEXT NOT NULL,
    occurred_at    TEXT NOT NULL,
    PRIMARY KEY (patient_id, reservation_id)
);
