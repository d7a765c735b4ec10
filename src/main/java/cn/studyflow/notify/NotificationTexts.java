package cn.studyflow.notify;

import cn.studyflow.org.PersonNames;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A notification's arguments as its reader sees them: a person kept by id is named as pages name people (with role
 * and organisation where two share the name, in the reader's language); {@code ${@notificationTexts.args(n)}}.
 */
@Component("notificationTexts")
@RequiredArgsConstructor
public class NotificationTexts {

    private final PersonNames names;

    public List<String> args(Notification notification) {
        return notification.argList().stream().map(this::named).toList();
    }

    private String named(String arg) {
        if (!arg.startsWith(Notification.PERSON)) {
            return arg;
        }
        try {
            String name = names.byId(Long.parseLong(arg.substring(Notification.PERSON.length())));
            return name == null ? "" : name;
        } catch (NumberFormatException e) {
            return arg;
        }
    }
}
