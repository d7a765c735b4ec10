package cn.studyflow.notify;

import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.workflow.PageOf;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
public class NotificationService {

    private final NotificationMapper notifications;
    private final OrgService orgService;

    NotificationService(NotificationMapper notifications, OrgService orgService) {
        this.notifications = notifications;
        this.orgService = orgService;
    }

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
        n.setArgs(Arrays.stream(args).map(a -> Objects.toString(a, "")).collect(Collectors.joining(Notification.SEPARATOR)));
        n.setLink(link);
        n.setCreatedAt(OffsetDateTime.now());
        notifications.insert(n);
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
