package cn.studyflow.plan;

/** The forms a study session takes (SPEC.md); labels come from the {@code topic.format.*} messages. */
public enum TopicFormat {
    COLLECTIVE_STUDY, SPECIAL_LECTURE, ONSITE_TEACHING, JOINT_STUDY, READING_CLASS, CADRE_LECTURE
}
