package cn.studyflow.session;

/** Why a person is on a session's roster: a member of the group, the chair, a lead speaker, or a guest of an enlarged session. */
public enum Part {
    MEMBER, CHAIR, SPEAKER, GUEST
}
