-- Version 60: one real person, one patient.
-- identity_key is the person's identity document (the resident ID number), unique hospital-wide:
-- a second registration of the same person is refused by the database, whatever the API checks.
-- A patient registered twice before this version keeps its oldest row as the person (lowest
-- patient id); the later copies keep identity_key NULL and go on as they were.
-- removed_at: the managing account removed the patient. The row stays (past visits, no-shows,
-- the suspension), and so does identity_key: registering the person again finds this patient,
-- so removing a patient never clears a suspension.
-- sign_in_codes takes one more purpose: the code sent to the phone on file when another account
-- claims a registered patient.

ALTER TABLE patients ADD COLUMN identity_key VARCHAR(64) NULL, ADD COLUMN removed_at DATETIME(6) NULL;

UPDATE patients SET identity_key = resident_id
WHERE patient_id IN (SELECT first_id FROM (SELECT MIN(patient_id) AS first_id FROM patients GROUP BY resident_id) AS firsts);

ALTER TABLE patients ADD UNIQUE KEY ux_patients_identity (identity_key);

ALTER TABLE sign_in_codes DROP CONSTRAINT ck_sign_in_codes_purpose;

ALTER TABLE sign_in_codes ADD CONSTRAINT ck_sign_in_codes_purpose
    CHECK (purpose IN ('register', 'sign_in', 'password_reset', 'mobile_change', 'patient_claim'));
