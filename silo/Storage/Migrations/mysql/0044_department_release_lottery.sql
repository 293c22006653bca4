-- Version 44: a department's release rule may give its pools by a draw (docs/waitlist-and-lottery.md):
-- the window in minutes after the release during which requests are entries; NULL is first come, first served.

ALTER TABLE departments
    ADD COLUMN release_lottery_window_minutes SMALLINT NULL,
    ADD CONSTRAINT ck_departments_release_lottery CHECK (release_lottery_window_minutes IS NULL OR release_lottery_window_minutes BETWEEN 1 AND 60);
