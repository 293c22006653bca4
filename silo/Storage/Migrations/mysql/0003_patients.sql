-- Version 3: patients (real-name profiles, one account managing several) and their no-shows.
-- A patient's reservations are not copied here: they are the reservations rows (patient_id),
-- which the patient grain reads to enforce its limits, so booking writes nothing for the patient.
-- version counts the patient grain's own writes (no-shows, suspensions); a profile starts at 0.
-- Plain CREATE (no IF NOT EXISTS): a note about an existing table would derail MySql.Data 8.0.16.

CREATE TABLE patients (
    patient_id      VARCHAR(128) NOT NULL,
    account_id      VARCHAR(128) NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    resident_id     CHAR(18)     NOT NULL,
    phone           CHAR(11)     NOT NULL,
    birth_date      DATE         NOT NULL,
    sex             VARCHAR(8)   NOT NULL,
    registered_at   DATETIME(6)  NOT NULL,
    -- The latest suspension; a lift moves suspended_until to the lift and keeps suspended_from.
    suspended_from  DATETIME(6)  NULL,
    suspended_until DATETIME(6)  NULL,
    version         BIGINT       NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (patient_id),
    KEY ix_patients_account (account_id),
    KEY ix_patients_resident_id (resident_id),
    CONSTRAINT ck_patients_sex CHECK (sex IN ('female', 'male')),
    CONSTRAINT ck_patients_version CHECK (version >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE patient_no_shows (
    patient_id     VARCHAR(128) NOT NULL,
    reservation_id VARCHAR(128) NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (patient_id, reservation_id),
    CONSTRAINT fk_patient_no_shows_patient FOREIGN KEY (patient_id) REFERENCES patients (patient_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
