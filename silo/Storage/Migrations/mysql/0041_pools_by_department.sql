-- Version 41: "find the next free session" reads a department's open pools from a date on, at
-- most once a second per department during a rush; this index keeps that from scanning every pool.

CREATE INDEX ix_pools_department_date ON pools (department_id, visit_date);
