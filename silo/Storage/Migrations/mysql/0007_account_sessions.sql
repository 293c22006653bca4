-- Version 7: signed-in sessions and their refresh tokens.
-- One row per sign-in. refresh_id names the only refresh token of the session that may still be
-- used: each refresh replaces it (rotation), so a token presented after it was replaced is a copy
-- and revokes the session. The rows also let an admin find an account's sessions to end them.

CREATE TABLE account_sessions (
    session_id VARCHAR(64) NOT NULL,
    account_id VARCHAR(64) NOT NULL,
    refresh_id VARCHAR(64) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (session_id),
    KEY ix_account_sessions_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
