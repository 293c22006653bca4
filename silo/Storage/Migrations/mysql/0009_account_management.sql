-- Version 9: accounts a hospital can run.
-- disabled_at: an admin disabled the account; it cannot sign in or refresh, and its sessions were
-- ended. sign_in_codes takes two more purposes: resetting a forgotten password, and proving the
-- old and the new number when a patient changes their mobile.

ALTER TABLE accounts ADD COLUMN disabled_at DATETIME(6) NULL;

ALTER TABLE sign_in_codes DROP CONSTRAINT ck_sign_in_codes_purpose;

ALTER TABLE sign_in_codes ADD CONSTRAINT ck_sign_in_codes_purpose
    CHECK (purpose IN ('register', 'sign_in', 'password_reset', 'mobile_change'));
