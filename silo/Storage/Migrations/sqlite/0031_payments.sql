-- Version 31: money taken for holds (docs/payment.md). One payment per reservation, with the
-- provider's own id; every callback the provider sent, under its event id, with the answer we
-- gave (a duplicate gets the same answer); refunds, pending until the provider confirms them.
-- Amounts are whole fen.

CREATE TABLE IF NOT EXISTS payments (
    payment_id          TEXT    NOT NULL PRIMARY KEY,
    reservation_id      TEXT    NOT NULL UNIQUE,
    pool_id             TEXT    NOT NULL,
    patient_id          TEXT    NOT NULL,
    provider            TEXT    NOT NULL,
    provider_payment_id TEXT    NULL UNIQUE,
    pay_url             TEXT    NULL,
    amount_fen          INTEGER NOT NULL CHECK (amount_fen > 0),
    currency            TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('created', 'failed', 'paid')),
    paid_fen            INTEGER NULL CHECK (paid_fen >= 0),
    created_at          TEXT    NOT NULL,
    paid_at             TEXT    NULL,
    updated_at          TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_payments_paid_at ON payments (paid_at);

CREATE TABLE IF NOT EXISTS payment_callbacks (
    provider            TEXT    NOT NULL,
    event_id            TEXT    NOT NULL,
    payment_id          TEXT    NOT NULL,
    provider_payment_id TEXT    NOT NULL,
    kind                TEXT    NOT NULL,
    amount_fen          INTEGER NOT NULL,
    currency            TEXT    NOT NULL,
    body                TEXT    NOT NULL,
    result              TEXT    NOT NULL,
    received_at         TEXT    NOT NULL,
    PRIMARY KEY (provider, event_id)
);

CREATE TABLE IF NOT EXISTS refunds (
    refund_id          TEXT    NOT NULL PRIMARY KEY,
    payment_id         TEXT    NOT NULL UNIQUE,
    reservation_id     TEXT    NOT NULL,
    amount_fen         INTEGER NOT NULL CHECK (amount_fen > 0),
    reason             TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('pending', 'confirmed')),
    provider_refund_id TEXT    NULL,
    attempts           INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    TEXT    NOT NULL,
    last_error         TEXT    NULL,
    created_at         TEXT    NOT NULL,
    confirmed_at       TEXT    NULL
);

CREATE INDEX IF NOT EXISTS ix_refunds_due ON refunds (status, next_attempt_at);

CREATE INDEX IF NOT EXISTS ix_refunds_reservation ON refunds (reservation_id);

-- The sandbox provider's own books (what a real gateway keeps on its side): the payments it was
-- asked to take, whether the patient paid, and whether the service acknowledged the callback.
CREATE TABLE IF NOT EXISTS sandbox_payments (
    provider_payment_id TEXT    NOT NULL PRIMARY KEY,
    merchant_payment_id TEXT    NOT NULL UNIQUE,
    amount_fen          INTEGER NOT NULL CHECK (amount_fen > 0),
    currency            TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('open', 'failed', 'paid')),
    event_id            TEXT    NULL,
    expires_at          TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    paid_at             TEXT    NULL,
    acknowledged_at     TEXT    NULL,
    refunded_fen        INTEGER NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0)
);

CREATE TABLE IF NOT EXISTS sandbox_refunds (
    merchant_refund_id  TEXT    NOT NULL PRIMARY KEY,
    provider_refund_id  TEXT    NOT NULL UNIQUE,
    provider_payment_id TEXT    NOT NULL,
    amount_fen          INTEGER NOT NULL CHECK (amount_fen > 0),
    created_at          TEXT    NOT NULL
);
