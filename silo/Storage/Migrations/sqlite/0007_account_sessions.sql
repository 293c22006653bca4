-- Version 7: signed-in sessions and their refresh tokens.
-- One row per sign-in. refresh_id names the only refresh token of the session that may still be
-- used: each refresh replaces it (rotation), so a token presented after it was replaced is a copy
-- and revokes the session. The rows also let an admin find an account's sessions to end them.

CREATE TABLE account_sessions (
    session_id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL,
    refresh_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX ix_account_sessions_account ON account_sessions (account_id);
