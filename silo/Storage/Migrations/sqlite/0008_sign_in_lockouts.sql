-- Version 8: password lockouts per account and client address, not per account.
-- Five wrong passwords from anyone used to lock the owner out too; now a streak of failures
-- locks only the (account, client) pair it came from. client is the caller's IPv4 address or
-- IPv6 /64 ('unknown' when the host gives none). lockouts counts the locks this pair has earned
-- since its last successful sign-in: each lasts twice as long as the one before.
-- The account-wide columns of version 5 go.

CREATE TABLE sign_in_lockouts (
    account_id   TEXT    NOT NULL,
    client       TEXT    NOT NULL,
    failures     INTEGER NOT NULL CHECK (failures >= 0),
    lockouts     INTEGER NOT NULL CHECK (lockouts >= 0),
    locked_until TEXT    NULL,
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (account_id, client)
);

ALTER TABLE accounts DROP COLUMN failed_sign_ins;

ALTER TABLE accounts DROP COLUMN locked_until;
