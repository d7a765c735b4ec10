-- Material deadlines count from the session's real start (its day at its start time); a session with no day
-- yet gives its materials no deadline at all, instead of one counted from the first of its month.
ALTER TABLE sf_material ALTER COLUMN deadline DROP NOT NULL;

UPDATE sf_material SET deadline = NULL
WHERE status <> 'ARCHIVED'
  AND session_id IN (SELECT id FROM sf_study_session WHERE session_date IS NULL);
