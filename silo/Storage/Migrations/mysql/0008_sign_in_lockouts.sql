-- Version 8: password lockouts per account and client address, not per account.
-- Five wrong passwords from anyone used to lock the owner out too; now a streak of failures
-- locks only the (account, client) pair it came from. client is the caller's IPv4 address or
-- IPv6 /64 ('unknown' when the host gives none). lockouts counts the locks this pair has earned
-- since its last successful sign-in: each lasts twice as long as the one before.
-- The account-wide columns of version 5 go.

CREATE TABLE sign_in_lockouts (
    account_id   VARCHAR(64) NOT NULL,
    client       VARCHAR(64) NOT NULL,
    failures     INT         NOT NULL,
    lockouts     INT         NOT NULL,
    locked_until DATETIME(6) NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id, client),
    CONSTRAINT ck_sign_in_lockouts_failures CHECK (failures >= 0),
    CONSTRAINT ck_sign_in_lockouts_lockouts CHECK (lockouts >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE accounts DROP CONSTRAINT ck_accounts_failed, DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;
