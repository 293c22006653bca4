-- Version 40: the outbox is delivered. Each row counts its attempts; a failed one waits until
-- next_attempt_at (exponential back-off) and is given up (dead_at) after the configured number of
-- attempts, keeping the last error for the operator. A patient account may turn visit reminders
-- off and choose the language of its messages (no row: reminders on, the hospital's language).

ALTER TABLE notifications
    ADD COLUMN attempts        INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at DATETIME(6)  NULL,
    ADD COLUMN last_error      VARCHAR(512) NULL,
    ADD COLUMN dead_at         DATETIME(6)  NULL;

CREATE TABLE IF NOT EXISTS notification_preferences (
    account_id VARCHAR(128) NOT NULL,
    reminders  TINYINT(1)   NOT NULL,
    language   VARCHAR(8)   NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT ck_notification_preferences_language CHECK (language IS NULL OR language IN ('zh', 'en'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
