-- Version 60: one real person, one patient.
-- identity_key is the person's identity document (the resident ID number), unique hospital-wide:
-- a second registration of the same person is refused by the database, whatever the API checks.
-- A patient registered twice before this version keeps its oldest row as the person (lowest
-- patient id); the later copies keep identity_key NULL and go on as they were.
-- removed_at: the managing account removed the patient. The row stays (past visits, no-shows,
-- the suspension), and so does identity_key: registering the person again finds this patient,
-- so removing a patient never clears a suspension.
-- sign_in_codes takes one more purpose: the code sent to the phone on file when another account
-- claims a registered patient. Its codes live minutes, so the table is made anew (SQLite cannot
-- change a CHECK in place).

ALTER TABLE patients ADD COLUMN identity_key TEXT NULL;

ALTER TABLE patients ADD COLUMN removed_at TEXT NULL;

UPDATE patients SET identity_key = resident_id
WHERE patient_id IN (SELECT first_id FROM (SELECT MIN(patient_id) AS first_id FROM patients GROUP BY resident_id) AS firsts);

CREATE UNIQUE INDEX ux_patients_identity ON patients (identity_key);

DROP TABLE sign_in_codes;

CREATE TABLE sign_in_codes (
    login      TEXT    NOT NULL,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('register', 'sign_in', 'password_reset', 'mobile_change', 'patient_claim')),
    code_hash  TEXT    NOT NULL,
    sent_at    TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    attempts   INTEGER NOT NULL CHECK (attempts >= 0),
    PRIMARY KEY (login, purpose)
);
