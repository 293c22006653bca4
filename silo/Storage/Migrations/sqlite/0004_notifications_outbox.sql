-- Version 4: the notifications outbox (stop-clinic tells every affected patient).
-- Rows are written in the same transaction as the change they report; a sender reads the unsent
-- ones (sent_at IS NULL) in created_at order and marks them sent. Instants as in version 1.

CREATE TABLE IF NOT EXISTS notifications (
    notification_id TEXT NOT NULL PRIMARY KEY,
    patient_id      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    payload         TEXT NOT NULL CHECK (json_valid(payload)),
    created_at      TEXT NOT NULL,
    sent_at         TEXT NULL
);

CREATE INDEX IF NOT EXISTS ix_notifications_unsent ON notifications (sent_at, created_at);

CREATE INDEX IF NOT EXISTS ix_notifications_patient ON notifications (patient_id);
