-- Version 6: the audit log of sensitive actions (sign-in, reservations, cancellations, admin
-- changes, stop-clinic, quota changes): who, what, when, from where. Version 5 (accounts) is the
-- accounts' own script; the migrator applies whatever version is missing, in order.
-- Rows are written in batches by the silo's audit writer and only ever read by admins, newest
-- first, by time, by account or by action. Values arrive cut to the column lengths (the writer
-- cuts them in C#), so the server never truncates: a warning would derail MySql.Data 8.0.16.
-- account_id and role are NULL for an anonymous caller; target is where a 201 points (Location).
-- Plain CREATE (no IF NOT EXISTS), as in version 3, and one statement with its indexes inline, so
-- a run cut short leaves the whole table or none of it.

CREATE TABLE audit_log (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,
    account_id     VARCHAR(128) NULL,
    role           VARCHAR(16)  NULL,
    action         VARCHAR(128) NOT NULL,
    method         VARCHAR(16)  NOT NULL,
    path           VARCHAR(512) NOT NULL,
    status_code    INT          NOT NULL,
    target         VARCHAR(512) NULL,
    client_address VARCHAR(64)  NULL,
    detail         VARCHAR(256) NULL,
    PRIMARY KEY (id),
    KEY ix_audit_log_time (occurred_at, id),
    KEY ix_audit_log_account (account_id, occurred_at, id),
    KEY ix_audit_log_action (action, occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
