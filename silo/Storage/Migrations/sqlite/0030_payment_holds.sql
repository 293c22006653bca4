-- Version 30: holds that wait for payment (docs/payment.md). A reservation pending payment keeps
-- its number until hold_expires_at; fee_fen is the fee in fen fixed when the hold was made (a
-- later fee change does not alter it); paid_at is when a hold was paid. All NULL without payment.

ALTER TABLE reservations ADD COLUMN hold_expires_at TEXT NULL;

ALTER TABLE reservations ADD COLUMN fee_fen INTEGER NULL CHECK (fee_fen >= 0);

ALTER TABLE reservations ADD COLUMN paid_at TEXT NULL;

-- The expiry sweep after a restart looks for pending holds whose time is up.
CREATE INDEX IF NOT EXISTS ix_reservations_holds ON reservations (status, hold_expires_at);
