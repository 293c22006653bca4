-- Version 40: the outbox is delivered. Each row counts its attempts; a failed one waits until
-- next_attempt_at (exponential back-off) and is given up (dead_at) after the configured number of
-- attempts, keeping the last error for the operator. A patient account may turn visit reminders
-- off and choose the language of its messages (no row: reminders on, the hospital's language).

ALTER TABLE notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0);

ALTER TABLE notifications ADD COLUMN next_attempt_at TEXT NULL;

ALTER TABLE notifications ADD COLUMN last_error TEXT NULL;

ALTER TABLE notifications ADD COLUMN dead_at TEXT NULL;

CREATE TABLE IF NOT EXISTS notification_preferences (
    account_id TEXT    NOT NULL PRIMARY KEY,
    reminders  INTEGER NOT NULL CHECK (reminders IN (0, 1)),
    language   TEXT    NULL CHECK (language IS NULL OR language IN ('zh', 'en')),
    updated_at TEXT    NOT NULL
);
