package cn.studyflow.admin;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.workflow.Handover;
import cn.studyflow.workflow.Handover.HandedTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Hands on a person's tasks when they leave or lose a role, and tells whoever holds each task now: the named
 * successor, the person who had delegated it, or the people of its candidate groups.
 */
@Component
@RequiredArgsConstructor
class TaskHandover {

    private final Handover handover;
    private final NotificationService notifications;
    private final OrgService orgService;

    /** Everything {@code leaver} holds goes to {@code successor} (may be null: back to the groups). */
    List<HandedTask> handOver(Person leaver, Person successor) {
        List<HandedTask> handed = handover.handOver(leaver.getUsername(),
            successor == null ? null : successor.getUsername());
        tell(handed, leaver);
        return handed;
    }

    /** The tasks of a lost role's group that {@code person} had claimed go back to the group. */
    List<HandedTask> release(Person person, Role lost, Set<Role> kept) {
        List<String> keptGroups = kept.stream().map(r -> r.group(person.getOrgId())).toList();
        List<HandedTask> handed = handover.release(person.getUsername(), lost.group(person.getOrgId()), keptGroups);
        tell(handed, person);
        return handed;
    }

    private void tell(List<HandedTask> handed, Person from) {
        for (HandedTask task : handed) {
            if (task.removed()) {
                continue;
            }
            String title = task.title() == null ? task.name() : task.title() + " · " + task.name();
            String link = "/tasks/" + task.taskId();
            if (task.assignee() != null) {
                Person holder = orgService.personByUsername(task.assignee());
                if (holder != null) {
                    notifications.notify(holder.getId(), link, "admin.notify.taskHanded", title, from);
                }
                continue;
            }
            Map<Long, Person> people = new LinkedHashMap<>();
            for (String group : task.groups()) {
                holders(group).forEach(p -> people.put(p.getId(), p));
            }
            people.remove(from.getId());
            notifications.notifyAll(people.values(), link, "admin.notify.taskHanded", title, from);
        }
    }

    /** The enabled holders of a candidate group {@code org:{id}:{role}}; nobody for a group of another shape. */
    private List<Person> holders(String group) {
        String[] parts = group.split(":");
        if (parts.length != 3 || !"org".equals(parts[0])) {
            return List.of();
        }
        try {
            return orgService.holders(Long.parseLong(parts[1]), Role.valueOf(parts[2].toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
