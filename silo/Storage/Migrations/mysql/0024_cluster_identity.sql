-- Version 24: which service each Orleans cluster id in this database belongs to. A silo of
-- Cluster:Provider=mysql records its pair on start and refuses to start when its ClusterId is
-- already recorded with another ServiceId: Orleans itself only compares cluster ids, so such a
-- silo would join the membership while keeping reminders (and any service-keyed data) apart.
CREATE TABLE cluster_identity (
    cluster_id   VARCHAR(150) NOT NULL,
    service_id   VARCHAR(150) NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (cluster_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
