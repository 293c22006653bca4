-- Version 43: a pool's draw (docs/waitlist-and-lottery.md). A pool that draws has its window and
-- the seed chosen at creation on the pools row, and lottery_drawn_at once it has drawn (a pool
-- draws once). One lottery_entries row per patient who entered; after the draw each row carries
-- its rank and the number won (NULL: not drawn). The winners' reservations are ordinary rows of
-- reservations, written in the draw's transaction.

ALTER TABLE pools
    ADD COLUMN lottery_window_minutes INT NULL,
    ADD COLUMN lottery_seed CHAR(64) NULL,
    ADD COLUMN lottery_drawn_at DATETIME(6) NULL,
    ADD CONSTRAINT ck_pools_lottery_window CHECK (lottery_window_minutes BETWEEN 1 AND 60);

CREATE TABLE IF NOT EXISTS lottery_entries (
    pool_id          VARCHAR(128) NOT NULL,
    patient_id       VARCHAR(128) NOT NULL,
    entered_at       DATETIME(6)  NOT NULL,
    idempotency_key  VARCHAR(255) NULL,
    draw_rank        INT          NULL,
    won_number       INT          NULL,
    PRIMARY KEY (pool_id, patient_id),
    CONSTRAINT fk_lottery_entries_pool FOREIGN KEY (pool_id) REFERENCES pools (pool_id),
    CONSTRAINT ck_lottery_entries_rank CHECK (draw_rank > 0),
    CONSTRAINT ck_lottery_entries_number CHECK (won_number > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
