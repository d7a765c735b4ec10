-- The dashboard's yearly figures from rollups (status/Rollups, docs/status.md#rollups): a job sums the journal
-- (sf_instance, sf_stage) per organisation, process, step and year, so that a city's figures read a few thousand
-- rows instead of a year of the journal. Nothing here is written in a step's transaction.

-- When a journal row last changed in a way the rollups count (written, ended, returned, hidden, moved), by the
-- database's clock: the job re-reads what changed since its last run. Existing rows count as changed now, so
-- the first run after this migration rolls up the whole journal.
ALTER TABLE sf_instance ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE sf_stage ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
CREATE INDEX sf_instance_changed ON sf_instance (changed_at);
CREATE INDEX sf_stage_changed ON sf_stage (changed_at);

-- Instances per organisation, process and year: started in the year (and of those, returned for revision at
-- least once), completed in the year. The organisation's path and the hiding of a random audit are copied from
-- the journal, so that the dashboard's scope applies to a rollup row as to a journal row.
CREATE TABLE sf_rollup_instance (
    org_id         BIGINT       NOT NULL,
    org_path       VARCHAR(400) NOT NULL,
    rollup_year    INT          NOT NULL,
    process_key    VARCHAR(100) NOT NULL,
    overseer_path  VARCHAR(400),
    hidden_until   TIMESTAMP WITH TIME ZONE,
    started        BIGINT       NOT NULL,
    returned       BIGINT       NOT NULL,
    completed      BIGINT       NOT NULL
);
CREATE INDEX sf_rollup_instance_year ON sf_rollup_instance (rollup_year, org_path);
CREATE INDEX sf_rollup_instance_org ON sf_rollup_instance (org_id, rollup_year);

-- Steps decided per organisation, process, step and year, with a histogram of their durations: h0 counts the
-- decisions that took less than a minute, h15 those of thirty days or more (status/DurationBuckets gives the
-- sixteen buckets); max_ms closes the last one.
CREATE TABLE sf_rollup_stage (
    org_id         BIGINT       NOT NULL,
    org_path       VARCHAR(400) NOT NULL,
    rollup_year    INT          NOT NULL,
    process_key    VARCHAR(100) NOT NULL,
    step           VARCHAR(100) NOT NULL,
    step_name      VARCHAR(200),
    overseer_path  VARCHAR(400),
    hidden_until   TIMESTAMP WITH TIME ZONE,
    decided        BIGINT       NOT NULL,
    max_ms         BIGINT,
    h0  BIGINT NOT NULL, h1  BIGINT NOT NULL, h2  BIGINT NOT NULL, h3  BIGINT NOT NULL,
    h4  BIGINT NOT NULL, h5  BIGINT NOT NULL, h6  BIGINT NOT NULL, h7  BIGINT NOT NULL,
    h8  BIGINT NOT NULL, h9  BIGINT NOT NULL, h10 BIGINT NOT NULL, h11 BIGINT NOT NULL,
    h12 BIGINT NOT NULL, h13 BIGINT NOT NULL, h14 BIGINT NOT NULL, h15 BIGINT NOT NULL
);
CREATE INDEX sf_rollup_stage_year ON sf_rollup_stage (rollup_year, org_path);
CREATE INDEX sf_rollup_stage_org ON sf_rollup_stage (org_id, rollup_year);

-- The job's one row: the journal is rolled up to changes made before changed_upto (the database's time when the
-- last run began); a node holds the run while lease_until lies ahead, so that one node rolls up at a time.
CREATE TABLE sf_rollup_run (
    id             INT          PRIMARY KEY,
    changed_upto   TIMESTAMP WITH TIME ZONE,
    holder         VARCHAR(64),
    lease_until    TIMESTAMP WITH TIME ZONE
);
INSERT INTO sf_rollup_run (id) VALUES (1);
