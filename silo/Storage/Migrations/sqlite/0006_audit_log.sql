-- Version 6: the audit log of sensitive actions (sign-in, reservations, cancellations, admin
-- changes, stop-clinic, quota changes): who, what, when, from where. Version 5 (accounts) is the
-- accounts' own script; the migrator applies whatever version is missing, in order.
-- Rows are written in batches by the silo's audit writer and only ever read by admins, newest
-- first, by time, by account or by action. The writer cuts values to the MySQL twin's column
-- lengths, so both engines hold the same text. Instants as in version 1.
-- AUTOINCREMENT: an id is never reused, so "entries before id N" stays a stable page boundary.

CREATE TABLE audit_log (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    occurred_at    TEXT    NOT NULL,
    account_id     TEXT    NULL,
    role           TEXT    NULL,
    action         TEXT    NOT NULL,
    method         TEXT    NOT NULL,
    path           TEXT    NOT NULL,
    status_code    INTEGER NOT NULL,
    target         TEXT    NULL,
    client_address TEXT    NULL,
    detail         TEXT    NULL
);

CREATE INDEX ix_audit_log_time ON audit_log (occurred_at, id);

CREATE INDEX ix_audit_log_account ON audit_log (account_id, occurred_at, id);

CREATE INDEX ix_audit_log_action ON audit_log (action, occurred_at, id);
