package cn.studyflow.notify;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.common.PageOf;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
public class NotificationService {

    /** The room for arguments in a notification row (column {@code sf_notification.args}). */
    static final int MAX_ARGS_LENGTH = 1000;
    /** A notification is a short message; a longer argument (a return comment, say) is shortened. */
    static final int MAX_ARG_LENGTH = 200;

    private final NotificationMapper notifications;
    private final OrgService orgService;

    /** Notifies everyone who holds {@code role} in organisation {@code orgId}; returns how many were told. */
    public int notifyRole(long orgId, Role role, String link, String messageKey, Object... args) {
        return notifyAll(orgService.holders(orgId, role), link, messageKey, args);
    }

    public int notifyAll(Collection<Person> people, String link, String messageKey, Object... args) {
        people.forEach(p -> notify(p.getId(), link, messageKey, args));
        return people.size();
    }

    public void notify(long personId, String link, String messageKey, Object... args) {
        Notification n = new Notification();
        n.setPersonId(personId);
        n.setMessageKey(messageKey);
        n.setArgs(joined(named(args)));
        n.setLink(link);
        n.setCreatedAt(OffsetDateTime.now());
        notifications.insert(n);
    }

    /**
     * A person among the arguments (the one who acted, mostly) is kept by id and named when the notification is
     * shown, as pages name people, in the reader's language ({@link NotificationTexts}), never by login.
     */
    private static Object[] named(Object... args) {
        Object[] named = args.clone();
        for (int i = 0; i < named.length; i++) {
            if (named[i] instanceof CurrentUser user) {
                named[i] = Notification.PERSON + user.getPersonId();
            } else if (named[i] instanceof Person person) {
                named[i] = Notification.PERSON + person.getId();
            } else if (named[i] instanceof String text) {
                named[i] = text.replace(Notification.PERSON, "");
            }
        }
        return named;
    }

    /**
     * The arguments as stored: each shortened with an ellipsis to its share of the column, so that a long
     * comment cannot fail the action that notifies; the full text stays in the object's history.
     */
    static String joined(Object... args) {
        if (args.length == 0) {
            return "";
        }
        int share = Math.min(MAX_ARG_LENGTH, (MAX_ARGS_LENGTH - (args.length - 1)) / args.length);
        return Arrays.stream(args)
            .map(a -> Objects.toString(a, "").replace(Notification.SEPARATOR, " "))
            .map(a -> shortened(a, share))
            .collect(Collectors.joining(Notification.SEPARATOR));
    }

    private static String shortened(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int cut = length - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    public int unreadCount(long personId) {
        return notifications.countUnread(personId);
    }

    public PageOf<Notification> page(long personId, int page, int size) {
        int total = notifications.countByPerson(personId);
        return new PageOf<>(notifications.selectByPerson(personId, page * size, size), total, page, size);
    }

    /**
     * Marks one of the person's notifications read (or all of them when {@code id} is null) and returns the
     * link of that one notification, or null.
     */
    public String markRead(long personId, Long id) {
        notifications.markRead(personId, id, OffsetDateTime.now());
        Notification n = id == null ? null : notifications.selectById(id);
        return n != null && n.getPersonId() == personId ? n.getLink() : null;
    }
}
