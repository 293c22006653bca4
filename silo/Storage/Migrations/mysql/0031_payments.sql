-- Version 31: money taken for holds (docs/payment.md). One payment per reservation, with the
-- provider's own id; every callback the provider sent, under its event id, with the answer we
-- gave (a duplicate gets the same answer); refunds, pending until the provider confirms them.
-- Amounts are whole fen.

CREATE TABLE IF NOT EXISTS payments (
    payment_id          VARCHAR(64)   NOT NULL,
    reservation_id      VARCHAR(128)   NOT NULL,
    pool_id             VARCHAR(128)  NOT NULL,
    patient_id          VARCHAR(128)  NOT NULL,
    provider            VARCHAR(32)   NOT NULL,
    provider_payment_id VARCHAR(64)   NULL,
    pay_url             VARCHAR(512)  NULL,
    amount_fen          BIGINT        NOT NULL,
    currency            CHAR(3)       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    paid_fen            BIGINT        NULL,
    created_at          DATETIME(6)   NOT NULL,
    paid_at             DATETIME(6)   NULL,
    updated_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (payment_id),
    UNIQUE KEY ux_payments_reservation (reservation_id),
    UNIQUE KEY ux_payments_provider_payment (provider_payment_id),
    KEY ix_payments_paid_at (paid_at),
    CONSTRAINT ck_payments_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_payments_paid_fen CHECK (paid_fen >= 0),
    CONSTRAINT ck_payments_status CHECK (status IN ('created', 'failed', 'paid'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS payment_callbacks (
    provider            VARCHAR(32)   NOT NULL,
    event_id            VARCHAR(64)   NOT NULL,
    payment_id          VARCHAR(64)   NOT NULL,
    provider_payment_id VARCHAR(64)   NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    amount_fen          BIGINT        NOT NULL,
    currency            CHAR(3)       NOT NULL,
    body                TEXT          NOT NULL,
    result              VARCHAR(32)   NOT NULL,
    received_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (provider, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS refunds (
    refund_id          VARCHAR(64)   NOT NULL,
    payment_id         VARCHAR(64)   NOT NULL,
    reservation_id     VARCHAR(128)  NOT NULL,
    amount_fen         BIGINT        NOT NULL,
    reason             VARCHAR(32)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    provider_refund_id VARCHAR(64)   NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    next_attempt_at    DATETIME(6)   NOT NULL,
    last_error         VARCHAR(512)  NULL,
    created_at         DATETIME(6)   NOT NULL,
    confirmed_at       DATETIME(6)   NULL,
    PRIMARY KEY (refund_id),
    UNIQUE KEY ux_refunds_payment (payment_id),
    KEY ix_refunds_due (status, next_attempt_at),
    KEY ix_refunds_reservation (reservation_id),
    CONSTRAINT ck_refunds_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_refunds_status CHECK (status IN ('pending', 'confirmed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The sandbox provider's own books (what a real gateway keeps on its side): the payments it was
-- asked to take, whether the patient paid, and whether the service acknowledged the callback.
CREATE TABLE IF NOT EXISTS sandbox_payments (
    provider_payment_id VARCHAR(64)   NOT NULL,
    merchant_payment_id VARCHAR(64)   NOT NULL,
    amount_fen          BIGINT        NOT NULL,
    currency            CHAR(3)       NOT NULL,
    description         VARCHAR(256)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    event_id            VARCHAR(64)   NULL,
    expires_at          DATETIME(6)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    paid_at             DATETIME(6)   NULL,
    acknowledged_at     DATETIME(6)   NULL,
    refunded_fen        BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (provider_payment_id),
    UNIQUE KEY ux_sandbox_payments_merchant (merchant_payment_id),
    CONSTRAINT ck_sandbox_payments_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_sandbox_payments_status CHECK (status IN ('open', 'failed', 'paid'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS sandbox_refunds (
    merchant_refund_id  VARCHAR(64)   NOT NULL,
    provider_refund_id  VARCHAR(64)   NOT NULL,
    provider_payment_id VARCHAR(64)   NOT NULL,
    amount_fen          BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (merchant_refund_id),
    UNIQUE KEY ux_sandbox_refunds_provider (provider_refund_id),
    CONSTRAINT ck_sandbox_refunds_amount CHECK (amount_fen > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
