package cn.studyflow.assessment;

/** The superior's grade of an organisation's study year; labels {@code assessment.grade.*} (优秀/良好/一般/较差). */
public enum Grade {
    EXCELLENT, GOOD, FAIR, POOR
}
