package cn.studyflow.material;

/** The kinds of study material of SPEC.md; labels come from the {@code material.kind.*} messages. */
public enum MaterialKind {
    /** 研讨发言材料 */
    SPEECH,
    /** 调研报告 */
    RESEARCH_REPORT,
    /** 讲课课件 */
    LECTURE_SLIDES,
    /** 党课讲稿 */
    PARTY_LECTURE,
    /** 心得体会 */
    STUDY_NOTES
}
