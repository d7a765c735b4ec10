-- The managers' views (status/). Engine listeners keep one row per process instance and one per user-task
-- instance, in the transaction of each step, so that dashboards are aggregate SQL over these indexed tables
-- and never read the engine's ACT_* tables.

CREATE TABLE sf_instance (
    -- the engine's process instance id
    id             VARCHAR(64)  PRIMARY KEY,
    process_key    VARCHAR(100) NOT NULL,
    definition_id  VARCHAR(100) NOT NULL,
    business_key   VARCHAR(100),
    org_id         BIGINT       NOT NULL REFERENCES sf_org (id),
    -- the organisation's path (sf_org.path), so that a subtree is a LIKE on the row itself; organisations
    -- never move, so it never changes
    org_path       VARCHAR(400) NOT NULL,
    title          VARCHAR(300),
    -- RUNNING, COMPLETED (reached an end event) or CANCELLED (ended by deletion)
    state          VARCHAR(20)  NOT NULL,
    -- kept by the action log: how often the instance was returned for revision and withdrawn
    returns        INT          NOT NULL DEFAULT 0,
    withdrawals    INT          NOT NULL DEFAULT 0,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    -- the path of the organisation that oversees it (the dept running an audit), and until when it stays hidden
    -- from the people of org_id (a random audit before its day); both null for most instances
    overseer_path  VARCHAR(400),
    hidden_until   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sf_instance_org ON sf_instance (org_id, process_key, started_at);
-- in the order of the instance list, so that a page is read from the index without sorting the scope
CREATE INDEX sf_instance_started ON sf_instance (started_at, id);
CREATE INDEX sf_instance_ended ON sf_instance (ended_at);
CREATE INDEX sf_instance_state ON sf_instance (state, process_key);
CREATE INDEX sf_instance_business_key ON sf_instance (business_key);

-- One row per user task the engine created: when it was created, due and ended, and how it ended.
CREATE TABLE sf_stage (
    task_id        VARCHAR(64)  PRIMARY KEY,
    instance_id    VARCHAR(64)  NOT NULL,
    process_key    VARCHAR(100) NOT NULL,
    step           VARCHAR(100) NOT NULL,
    step_name      VARCHAR(200),
    -- copied from the instance, so that the figures need no join
    org_id         BIGINT       NOT NULL,
    org_path       VARCHAR(400) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    duration_ms    BIGINT,
    -- null while open; COMPLETED when decided, CANCELLED when taken away (withdrawn, returned past, ended)
    outcome        VARCHAR(20),
    overseer_path  VARCHAR(400),
    hidden_until   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sf_stage_instance ON sf_stage (instance_id, created_at);
CREATE INDEX sf_stage_open ON sf_stage (outcome, org_id, process_key, step);
CREATE INDEX sf_stage_ended ON sf_stage (ended_at, process_key, step);

-- Lookups of the figures per organisation
CREATE INDEX sf_audit_org_year ON sf_audit (org_id, audit_year, status);
CREATE INDEX sf_audit_record_audit ON sf_audit_record (audit_id);
CREATE INDEX sf_study_session_year ON sf_study_session (session_year, org_id);
