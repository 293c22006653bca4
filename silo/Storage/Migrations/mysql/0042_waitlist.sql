-- Version 42: a pool's waitlist (docs/waitlist-and-lottery.md). One row per patient and pool:
-- waiting (in turn order), offered (a freed number held for them until offer_expires_at), or
-- ended: taken (the reservation_id it became), lapsed (expired, declined, withdrawn) or left.
-- Rows are kept once ended, so a late accept is told offer_expired and the trail stays.

CREATE TABLE IF NOT EXISTS waitlist_entries (
    pool_id           VARCHAR(128) NOT NULL,
    patient_id        VARCHAR(128) NOT NULL,
    turn              BIGINT       NOT NULL,
    joined_at         DATETIME(6)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    offer_number      INT          NULL,
    offer_visit_time  DATETIME(6)  NULL,
    offered_at        DATETIME(6)  NULL,
    offer_expires_at  DATETIME(6)  NULL,
    ended_at          DATETIME(6)  NULL,
    lapse             VARCHAR(16)  NULL,
    reservation_id    VARCHAR(128) NULL,
    PRIMARY KEY (pool_id, patient_id),
    UNIQUE KEY ux_waitlist_entries_turn (pool_id, turn),
    KEY ix_waitlist_entries_patient (patient_id, status),
    CONSTRAINT fk_waitlist_entries_pool FOREIGN KEY (pool_id) REFERENCES pools (pool_id),
    CONSTRAINT ck_waitlist_entries_turn CHECK (turn > 0),
    CONSTRAINT ck_waitlist_entries_status CHECK (status IN ('waiting', 'offered', 'taken', 'lapsed', 'left')),
    CONSTRAINT ck_waitlist_entries_number CHECK (offer_number > 0),
    CONSTRAINT ck_waitlist_entries_lapse CHECK (lapse IN ('expired', 'declined', 'withdrawn'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
