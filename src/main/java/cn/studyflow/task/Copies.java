package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Person;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.TaskInfo;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * 抄送: people copied in on a business object, by a reviewer or by the process. Each copy notifies the person
 * and lets them read that one object; features consult {@link #isCopiedTo} where they check scope.
 */
@Service
@RequiredArgsConstructor
public class Copies {

    private final CopyMapper copies;
    private final NotificationService notifications;
    private final ActionLog actionLog;
    private final SubjectRegistry subjects;
    private final StepRunner steps;
    private final OperationRules rules;

    /** Whether this person was copied in on this object, which lets them read it. */
    public boolean isCopiedTo(SubjectRef subject, CurrentUser user) {
        return copies.countBySubjectAndPerson(subject.type(), subject.id(), user.getPersonId()) > 0;
    }

    /** The people already copied in on this object. */
    public Set<Long> copiedPeople(SubjectRef subject) {
        return new HashSet<>(copies.selectPersonIds(subject.type(), subject.id()));
    }

    /**
     * Copies {@code people} in on {@code subject} at {@code task}'s step (or at {@code step} of the process when
     * {@code by} is null: the process copies). People copied in before are left out; returns those newly copied.
     */
    public List<Person> copy(SubjectRef subject, String processInstanceId, TaskInfo task, String step, String stepName,
                             String title, Collection<Person> people, CurrentUser by, String comment) {
        Set<Long> already = copiedPeople(subject);
        List<Person> added = new ArrayList<>();
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        String link = subjects.link(subject);
        for (Person p : people) {
            if (!already.add(p.getId())) {
                continue;
            }
            Copy c = new Copy();
            c.setSubjectType(subject.type());
            c.setSubjectId(subject.id());
            c.setProcessInstanceId(processInstanceId);
            c.setStep(step);
            c.setStepName(stepName);
            c.setTitle(title);
            c.setPersonId(p.getId());
            c.setCopiedBy(by == null ? null : by.getPersonId());
            c.setCopiedByName(by == null ? null : by.getDisplayName());
            c.setComment(note);
            c.setCreatedAt(OffsetDateTime.now());
            copies.insert(c);
            if (by == null) {
                notifications.notify(p.getId(), link, "ops.notify.copiedByProcess", title, stepName);
            } else {
                notifications.notify(p.getId(), link, "ops.notify.copied", by, title, stepName,
                    note == null ? "" : note);
            }
            added.add(p);
        }
        if (!added.isEmpty()) {
            String names = added.stream().map(Person::getDisplayName).collect(Collectors.joining("、"));
            actionLog.record(subject, processInstanceId, task, "COPY", by, note, names);
        }
        return added;
    }

    /** 抄送 from a task page: copies people in on the task's business object; they may read that one object. */
    public List<Person> copy(String taskId, CurrentUser user, List<String> to, String comment) {
        String note = StepRunner.comment(comment);
        if (to == null || to.stream().allMatch(s -> s == null || s.isBlank())) {
            throw BusinessException.invalid("ops.error.chooseTo");
        }
        return steps.call(taskId, user, step -> {
            TaskInfo task = step.task();
            if (task.isSignerTask()) {
                throw BusinessException.invalid("ops.error.signerTask");
            }
            List<Person> eligible = rules.copyable(task, user);
            Set<Person> chosen = new LinkedHashSet<>();
            for (String username : to) {
                if (username != null && !username.isBlank()) {
                    chosen.add(OperationRules.pick(eligible, username.trim()));
                }
            }
            List<Person> added = copy(step.subject(), task.processInstanceId(), task, task.step(), task.name(),
                task.title(), chosen, user, note);
            if (added.isEmpty()) {
                throw BusinessException.invalid("ops.error.alreadyCopied");
            }
            return added;
        });
    }

    /** What was copied to this person, newest first, each with the link to its page. */
    public PageOf<Copy> copiedTo(CurrentUser user, int page, int size) {
        int total = copies.countByPerson(user.getPersonId());
        List<Copy> items = total == 0 ? List.of() : copies.selectByPerson(user.getPersonId(), page * size, size);
        items.stream().filter(c -> subjects.knows(c.getSubjectType()))
            .forEach(c -> c.setLink(subjects.link(new SubjectRef(c.getSubjectType(), c.getSubjectId()))));
        return new PageOf<>(items, total, page, size);
    }
}
