-- Version 45: a patient grain loads its entries in draws not yet drawn with its reservations
-- (docs/waitlist-and-lottery.md), so they still count toward its limits after a restart; the
-- entries' key starts with the pool, so without this index each load would scan every entry.

CREATE INDEX IF NOT EXISTS ix_lottery_entries_patient ON lottery_entries (patient_id);
