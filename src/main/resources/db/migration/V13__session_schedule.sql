-- Scheduling study sessions: a session that no plan topic holds is proposed by the secretary and counts once the
-- leader approves it (status PROPOSED, then SCHEDULED or REFUSED); who proposed and who decided are kept.
-- updated_at goes with the optimistic version of V12. Runs on H2 and PostgreSQL alike.
ALTER TABLE sf_study_session ADD COLUMN proposed_by BIGINT REFERENCES sf_person (id);
ALTER TABLE sf_study_session ADD COLUMN decided_by BIGINT REFERENCES sf_person (id);
ALTER TABLE sf_study_session ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
-- A month of a subtree's calendar reads sessions by day first (V12's sf_study_session_day) and a person's coming
-- sessions start from their roster rows (V12's sf_session_person_person); the leader's proposals by status:
CREATE INDEX sf_study_session_status ON sf_study_session (org_id, status);
