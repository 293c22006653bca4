-- Version 30: holds that wait for payment (docs/payment.md). A reservation pending payment keeps
-- its number until hold_expires_at; fee_fen is the fee in fen fixed when the hold was made (a
-- later fee change does not alter it); paid_at is when a hold was paid. All NULL without payment.
-- One ALTER, so an interrupted run leaves either all three columns or none.

ALTER TABLE reservations
    ADD COLUMN hold_expires_at DATETIME(6) NULL,
    ADD COLUMN fee_fen         BIGINT      NULL,
    ADD COLUMN paid_at         DATETIME(6) NULL,
    ADD CONSTRAINT ck_reservations_fee_fen CHECK (fee_fen >= 0),
    ADD KEY ix_reservations_holds (status, hold_expires_at);
