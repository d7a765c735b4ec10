package cn.studyflow.notify;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A message to one person, stored as a bundle key and arguments so that it shows in their language. */
@Getter
@Setter
public class Notification {

    static final String SEPARATOR = "\u001f";
    /** Marks an argument that is a person's id, named when the notification is shown ({@link NotificationTexts}). */
    static final String PERSON = "\u0002";

    private Long id;
    private Long personId;
    private String messageKey;
    private String args;
    private String link;
    private OffsetDateTime createdAt;
    private OffsetDateTime readAt;

    public List<String> argList() {
        return args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1));
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
