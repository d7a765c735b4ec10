package cn.studyflow.plan;

import lombok.Getter;
import lombok.Setter;

/**
 * What a topic says, alike in a stored revision ({@link PlanTopic}) and in a row of the edit form
 * ({@link PlanForm.TopicForm}): its title, format, speaker, and whether it is an enlarged meeting and with whom.
 */
@Getter
@Setter
public abstract class TopicContent {

    private String title;
    private TopicFormat format;
    private String speaker;
    private boolean enlarged;
    private String participants;
}
