-- A study session taking a lecture of the library as its topic (学习会以资源库党课为专题): one lecture a session,
-- kept on the lecture side so that session never reads a lecture table. linked_by: who linked it.
CREATE TABLE sf_lecture_session_topic (
    session_id  BIGINT                   NOT NULL PRIMARY KEY REFERENCES sf_study_session (id),
    entry_id    BIGINT                   NOT NULL REFERENCES sf_lecture_entry (id),
    linked_by   BIGINT                   NOT NULL REFERENCES sf_person (id),
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sf_lecture_session_topic_entry ON sf_lecture_session_topic (entry_id);
