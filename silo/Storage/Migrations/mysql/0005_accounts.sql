-- Version 5: accounts and sign-in.
-- login is the mobile number for a patient account and a user name for staff (doctor, admin).
-- A failed password sign-in counts in failed_sign_ins; enough of them set locked_until.
-- sign_in_codes keep only a hash of the one-time code, one live code per login and purpose.
-- revoked_sessions lists signed-out sessions until their tokens would have expired anyway;
-- every silo polls it. protection_keys is the key ring that signs tokens, shared by all silos.
-- Plain CREATE (no IF NOT EXISTS): a note about an existing table would derail MySql.Data 8.0.16.

CREATE TABLE accounts (
    account_id      VARCHAR(64)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    login           VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(512) NULL,
    display_name    VARCHAR(64)  NOT NULL,
    doctor_id       VARCHAR(64)  NULL,
    failed_sign_ins INT          NOT NULL,
    locked_until    DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id),
    UNIQUE KEY ux_accounts_login (login),
    CONSTRAINT ck_accounts_role CHECK (role IN ('patient', 'doctor', 'admin')),
    CONSTRAINT ck_accounts_failed CHECK (failed_sign_ins >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sign_in_codes (
    login      VARCHAR(64)  NOT NULL,
    purpose    VARCHAR(16)  NOT NULL,
    code_hash  VARCHAR(128) NOT NULL,
    sent_at    DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    attempts   INT          NOT NULL,
    PRIMARY KEY (login, purpose),
    CONSTRAINT ck_sign_in_codes_purpose CHECK (purpose IN ('register', 'sign_in')),
    CONSTRAINT ck_sign_in_codes_attempts CHECK (attempts >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE revoked_sessions (
    session_id VARCHAR(64)  NOT NULL,
    account_id VARCHAR(64)  NOT NULL,
    revoked_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (session_id),
    KEY ix_revoked_sessions_revoked_at (revoked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE protection_keys (
    name VARCHAR(128) NOT NULL,
    xml  MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
