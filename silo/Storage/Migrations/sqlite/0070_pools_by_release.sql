-- Version 70: the rush board lists every pool whose numbers open around now, asked once a second
-- while the board is open; this index keeps that from scanning every pool.

CREATE INDEX IF NOT EXISTS ix_pools_release_at ON pools (release_at);
