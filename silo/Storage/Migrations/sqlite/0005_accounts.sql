-- Version 5: accounts and sign-in.
-- login is the mobile number for a patient account and a user name for staff (doctor, admin).
-- A failed password sign-in counts in failed_sign_ins; enough of them set locked_until.
-- sign_in_codes keep only a hash of the one-time code, one live code per login and purpose.
-- revoked_sessions lists signed-out sessions until their tokens would have expired anyway;
-- every silo polls it. protection_keys is the key ring that signs tokens, shared by all silos.

CREATE TABLE accounts (
    account_id      TEXT    NOT NULL PRIMARY KEY,
    role            TEXT    NOT NULL CHECK (role IN ('patient', 'doctor', 'admin')),
    login           TEXT    NOT NULL UNIQUE,
    password_hash   TEXT    NULL,
    display_name    TEXT    NOT NULL,
    doctor_id       TEXT    NULL,
    failed_sign_ins INTEGER NOT NULL CHECK (failed_sign_ins >= 0),
    locked_until    TEXT    NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE sign_in_codes (
    login      TEXT    NOT NULL,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('register', 'sign_in')),
    code_hash  TEXT    NOT NULL,
    sent_at    TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    attempts   INTEGER NOT NULL CHECK (attempts >= 0),
    PRIMARY KEY (login, purpose)
);

CREATE TABLE revoked_sessions (
    session_id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL,
    revoked_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE INDEX ix_revoked_sessions_revoked_at ON revoked_sessions (revoked_at);

CREATE TABLE protection_keys (
    name TEXT NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
