-- Version 43: a pool's draw (docs/waitlist-and-lottery.md). A pool that draws has its window and
-- the seed chosen at creation on the pools row, and lottery_drawn_at once it has drawn (a pool
-- draws once). One lottery_entries row per patient who entered; after the draw each row carries
-- its rank and the number won (NULL: not drawn). The winners' reservations are ordinary rows of
-- reservations, written in the draw's transaction.

ALTER TABLE pools ADD COLUMN lottery_window_minutes INTEGER NULL CHECK (lottery_window_minutes BETWEEN 1 AND 60);

ALTER TABLE pools ADD COLUMN lottery_seed TEXT NULL;

ALTER TABLE pools ADD COLUMN lottery_drawn_at TEXT NULL;

CREATE TABLE IF NOT EXISTS lottery_entries (
    pool_id          TEXT    NOT NULL REFERENCES pools (pool_id),
    patient_id       TEXT    NOT NULL,
    entered_at       TEXT    NOT NULL,
    idempotency_key  TEXT    NULL,
    draw_rank        INTEGER NULL CHECK (draw_rank > 0),
    won_number       INTEGER NULL CHECK (won_number > 0),
    PRIMARY KEY (pool_id, patient_id)
);
