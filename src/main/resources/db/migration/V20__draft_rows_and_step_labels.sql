-- A draft keeps its rows as they are, incomplete ones included; the rules on a topic apply at submit
-- (PlanForm.validate with Rules.SUBMIT), so a stored draft topic may lack its month, title, format or speaker.
ALTER TABLE sf_plan_topic ALTER COLUMN topic_month DROP NOT NULL;
ALTER TABLE sf_plan_topic ALTER COLUMN title DROP NOT NULL;
ALTER TABLE sf_plan_topic ALTER COLUMN format DROP NOT NULL;
ALTER TABLE sf_plan_topic ALTER COLUMN speaker DROP NOT NULL;

-- The timeline names a step as its own process does: two processes may share a step id (draftPlan), so an
-- action keeps the key of the process it was taken in. Plans' earlier actions get theirs from the plan's kind.
ALTER TABLE sf_action ADD COLUMN process_key VARCHAR(64);
UPDATE sf_action SET process_key = 'supplementary-plan-approval'
 WHERE step IS NOT NULL AND subject_type = 'PLAN'
   AND subject_id IN (SELECT id FROM sf_plan WHERE kind = 'SUPPLEMENTARY');
UPDATE sf_action SET process_key = 'plan-approval'
 WHERE step IS NOT NULL AND subject_type = 'PLAN'
   AND subject_id IN (SELECT id FROM sf_plan WHERE kind = 'ANNUAL');
