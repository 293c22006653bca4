-- Version 1: slot pools and their reservations (DESIGN.md §5).
-- Instants are UTC in DATETIME(6) (never TIMESTAMP: no session time zone may shift them).
-- Identifiers compare byte for byte (utf8mb4_bin), as the grains compare them in memory.
-- MySQL DDL is not transactional: IF NOT EXISTS lets a script interrupted half-way run again.

CREATE TABLE IF NOT EXISTS pools (
    pool_id            VARCHAR(128)   NOT NULL,
    doctor_id          VARCHAR(128)   NOT NULL,
    visit_date         DATE           NOT NULL,
    session            VARCHAR(16)    NOT NULL,
    start_time         TIME           NOT NULL,
    minutes_per_number INT            NOT NULL,
    quota              INT            NOT NULL,
    fee                DECIMAL(12, 2) NOT NULL,
    release_at         DATETIME(6)    NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    version            BIGINT         NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    updated_at         DATETIME(6)    NOT NULL,
    PRIMARY KEY (pool_id),
    KEY ix_pools_doctor_date (doctor_id, visit_date),
    CONSTRAINT ck_pools_session CHECK (session IN ('morning', 'afternoon', 'evening')),
    CONSTRAINT ck_pools_status CHECK (status IN ('open', 'closed', 'cancelled')),
    CONSTRAINT ck_pools_minutes_per_number CHECK (minutes_per_number >= 0),
    CONSTRAINT ck_pools_quota CHECK (quota >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS reservations (
    reservation_id      VARCHAR(128) NOT NULL,
    pool_id             VARCHAR(128) NOT NULL,
    patient_id          VARCHAR(128) NOT NULL,
    sequence_number     INT          NOT NULL,
    visit_time          DATETIME(6)  NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    idempotency_key     VARCHAR(255) NULL,
    created_at          DATETIME(6)  NOT NULL,
    cancelled_at        DATETIME(6)  NULL,
    cancellation_reason VARCHAR(32)  NULL,
    -- The number and the patient while the reservation holds the number, NULL once it does not.
    -- UNIQUE ignores NULLs, so plain unique keys allow any number of released rows but only one
    -- active holder of a number and one active reservation per patient, with no partial index.
    active_sequence     INT          NULL,
    active_patient_id   VARCHAR(128) NULL,
    PRIMARY KEY (reservation_id),
    UNIQUE KEY ux_reservations_active_sequence (pool_id, active_sequence),
    UNIQUE KEY ux_reservations_active_patient (pool_id, active_patient_id),
    UNIQUE KEY ux_reservations_idempotency_key (pool_id, idempotency_key),
    KEY ix_reservations_patient (patient_id),
    CONSTRAINT fk_reservations_pool FOREIGN KEY (pool_id) REFERENCES pools (pool_id),
    CONSTRAINT ck_reservations_sequence_number CHECK (sequence_number > 0),
    CONSTRAINT ck_reservations_status CHECK (status IN
        ('pending_payment', 'booked', 'checked_in', 'in_consultation', 'completed', 'cancelled', 'no_show')),
    CONSTRAINT ck_reservations_cancellation_reason CHECK (cancellation_reason IN
        ('patient_request', 'doctor_unavailable', 'payment_expired', 'admin_action')),
    CONSTRAINT ck_reservations_active_holder CHECK (
        (active_sequence IS NULL AND active_patient_id IS NULL AND status IN ('cancelled', 'no_show'))
        OR (active_sequence = sequence_number AND active_patient_id = patient_id AND status NOT IN ('cancelled', 'no_show')))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
