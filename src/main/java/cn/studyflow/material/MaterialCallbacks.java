package cn.studyflow.material;

import cn.studyflow.common.CandidateGroup;
import cn.studyflow.common.VersionedRow;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.task.ActionLog;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the material review does by itself, called by its delegates: the reminder before the deadline, the
 * leaders told when it passed, and the archive at the end.
 */
@Service
@RequiredArgsConstructor
public class MaterialCallbacks {

    private static final Logger log = LoggerFactory.getLogger(MaterialCallbacks.class);

    private final MaterialMapper materials;
    private final MaterialReads reads;
    private final Workflow workflow;
    private final ActionLog actionLog;
    private final NotificationService notifications;
    private final OrgService orgService;
    private final Clock clock;

    /** The end of the review: the material is archived with its session and readable by the whole group. */
    @Transactional
    public void archive(long id) {
        Material m = reads.byId(id);
        if (m.getStatus() == MaterialStatus.ARCHIVED) {
            return;
        }
        m.setStatus(MaterialStatus.ARCHIVED);
        m.setArchivedAt(OffsetDateTime.now(clock));
        VersionedRow.save(m, materials::update, clock);
        actionLog.record(Materials.ref(m), m.getProcessInstanceId(), null, "ARCHIVE", null, null);
        notifications.notify(m.getAuthorId(), Materials.link(m), "material.notify.archived", m.getTitle(),
            m.getSessionTitle());
        log.info("Material {} archived with session {}", Materials.ref(m).businessKey(), m.getSessionId());
    }

    /** Reminds whoever holds the material now (the claimant, else the step's groups, or the author) of the deadline. */
    @Transactional
    public void remind(long id) {
        Material m = reads.byId(id);
        // no deadline while the session has no day: a timer set from the first of its month (before V14) does nothing
        if (m.getStatus() == MaterialStatus.ARCHIVED || m.getDeadline() == null
            || m.getDeadline().isBefore(OffsetDateTime.now(clock))) {
            return;
        }
        String due = m.getDeadline().atZoneSameInstant(clock.getZone()).toLocalDate().toString();
        int told = 0;
        for (TaskInfo task : workflow.activeTasks(m.getProcessInstanceId())) {
            told += notifications.notifyAll(holders(task), link(task), "material.notify.reminder", m.getTitle(),
                task.name(), due);
        }
        actionLog.record(Materials.ref(m), m.getProcessInstanceId(), null, "REMIND", null, null);
        log.info("Material {}: {} people reminded of the deadline {}", Materials.ref(m).businessKey(), told, due);
    }

    /** Tells the leaders that a material was not cleared in time. */
    @Transactional
    public void escalate(long id) {
        Material m = reads.byId(id);
        if (m.getStatus() == MaterialStatus.ARCHIVED || m.getDeadline() == null) {
            return;
        }
        String due = m.getDeadline().atZoneSameInstant(clock.getZone()).toLocalDate().toString();
        String steps = workflow.activeTasks(m.getProcessInstanceId()).stream().map(TaskInfo::name)
            .collect(Collectors.joining("、"));
        notifications.notifyRole(m.getOrgId(), Role.LEADER, Materials.link(m), "material.notify.overdue",
            m.getTitle(), due, steps);
        actionLog.record(Materials.ref(m), m.getProcessInstanceId(), null, "ESCALATE", null, null);
        log.info("Material {} is overdue (deadline {}), leaders told", Materials.ref(m).businessKey(), due);
    }

    /** Who should act on a task now: its claimant, else everyone in its candidate groups. */
    private List<Person> holders(TaskInfo task) {
        if (task.assignee() != null) {
            Person p = orgService.personByUsername(task.assignee());
            return p == null ? List.of() : List.of(p);
        }
        Map<Long, Person> people = new LinkedHashMap<>();
        for (String group : workflow.candidateGroups(task.id())) {
            CandidateGroup.parse(group).ifPresent(g -> Role.of(g).ifPresent(role ->
                orgService.holders(g.orgId(), role).forEach(p -> people.putIfAbsent(p.getId(), p))));
        }
        return List.copyOf(people.values());
    }

    /** Reminders lead reviewers to their task, and the author to the material. */
    private static String link(TaskInfo task) {
        return MaterialReviewProcess.TASK_SUBMIT.equals(task.step())
            ? MaterialReviewProcess.SUBJECT.link(SubjectRef.parse(task.businessKey()).id())
            : TasklistService.link(task.id());
    }
}
