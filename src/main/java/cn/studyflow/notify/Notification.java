package cn.studyflow.notify;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A message to one person, stored as a bundle key and arguments so that it shows in their language. */
public class Notification {

    static final String SEPARATOR = "\u001f";

    private Long id;
    private Long personId;
    private String messageKey;
    private String args;
    private String link;
    private OffsetDateTime createdAt;
    private OffsetDateTime readAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public String getMessageKey() { return messageKey; }
    public void setMessageKey(String messageKey) { this.messageKey = messageKey; }
    public String getArgs() { return args; }
    public void setArgs(String args) { this.args = args; }
    public String getLink() { return link; }
    public void setLink(String link) { this.link = link; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getReadAt() { return readAt; }
    public void setReadAt(OffsetDateTime readAt) { this.readAt = readAt; }

    public List<String> argList() {
        return args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1));
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
