-- Failed logins, counted per user name ('user:<name>') and per source address ('addr:<address>') in one table
-- that every node shares. A key with too many recent failures is refused until blocked_until; notified marks
-- that the person (and for an administrator, the other administrators) heard of this episode already.
-- Replaces the lock kept on sf_person, which anyone could set off for anyone.
CREATE TABLE sf_login_throttle (
    throttle_key     VARCHAR(120) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until    TIMESTAMP WITH TIME ZONE,
    notified         BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX sf_login_throttle_last_failure ON sf_login_throttle (last_failure_at);

ALTER TABLE sf_person DROP COLUMN failed_logins;
ALTER TABLE sf_person DROP COLUMN locked_until;
