package cn.studyflow.plan;

/**
 * What a topic says, alike in a stored revision ({@link PlanTopic}) and in a row of the edit form
 * ({@link PlanForm.TopicForm}): its title, format, speaker, and whether it is an enlarged meeting and with whom.
 */
public abstract class TopicContent {

    private String title;
    private TopicFormat format;
    private String speaker;
    private boolean enlarged;
    private String participants;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public TopicFormat getFormat() { return format; }
    public void setFormat(TopicFormat format) { this.format = format; }
    public String getSpeaker() { return speaker; }
    public void setSpeaker(String speaker) { this.speaker = speaker; }
    public boolean isEnlarged() { return enlarged; }
    public void setEnlarged(boolean enlarged) { this.enlarged = enlarged; }
    public String getParticipants() { return participants; }
    public void setParticipants(String participants) { this.participants = participants; }
}
