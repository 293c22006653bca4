-- Version 9: accounts a hospital can run.
-- disabled_at: an admin disabled the account; it cannot sign in or refresh, and its sessions were
-- ended. sign_in_codes takes two more purposes: resetting a forgotten password, and proving the
-- old and the new number when a patient changes their mobile. Its codes live minutes, so the
-- table is made anew (SQLite cannot change a CHECK in place): a code sent just before the
-- upgrade is asked for again.

ALTER TABLE accounts ADD COLUMN disabled_at TEXT NULL;

DROP TABLE sign_in_codes;

CREATE TABLE sign_in_codes (
    login      TEXT    NOT NULL,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('register', 'sign_in', 'password_reset', 'mobile_change')),
    code_hash  TEXT    NOT NULL,
    sent_at    TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    attempts   INTEGER NOT NULL CHECK (attempts >= 0),
    PRIMARY KEY (login, purpose)
);
