-- Version 4: the notifications outbox (stop-clinic tells every affected patient).
-- Rows are written in the same transaction as the change they report; a sender reads the unsent
-- ones (sent_at IS NULL) in created_at order and marks them sent. Instants are UTC DATETIME(6).

CREATE TABLE IF NOT EXISTS notifications (
    notification_id VARCHAR(128) NOT NULL,
    patient_id      VARCHAR(128) NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    payload         JSON         NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    PRIMARY KEY (notification_id),
    KEY ix_notifications_unsent (sent_at, created_at),
    KEY ix_notifications_patient (patient_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
