package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Dates;
import cn.studyflow.workflow.ModelStep;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.PassedStep;
import cn.studyflow.workflow.SignPosition;
import cn.studyflow.workflow.Signer;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval operations that Chinese approval systems offer, on any step of any process: 转办 transfer,
 * 委派 delegate and resolve, 加签/减签 add and remove a signer, 退回 return to any earlier step, 撤回 withdraw,
 * 抄送 copy to, 催办 urge, and what comes next. Each checks the person's rights and scope on the server, is
 * recorded in the action log (the history timeline) and moves the engine in the same transaction. The engine
 * holds the state; see docs/processes.md#approval-operations for the rules.
 *
 * <p>Who may act on a step is its holder: the assignee, or any candidate while no one has claimed it. Whom to:
 * a transfer goes to someone else who holds one of the step's candidate groups; a delegation or an added signer
 * to anyone of the step's organisations who may see the business object; a copy to anyone of the object's
 * organisation and the publicity department and managers of the organisation above it.
 */
@Service
public class ApprovalOperations {

    private static final int MAX_COMMENT = 2000;
    private static final Pattern GROUP = Pattern.compile("org:(\\d+):([a-z]+)");

    private final TasklistService tasks;
    private final Workflow workflow;
    private final Operations operations;
    private final ActionLog actionLog;
    private final Copies copies;
    private final NotificationService notifications;
    private final OrgService orgService;
    private final Scope scope;
    private final Dates dates;
    private final Clock clock;
    private final Duration urgeInterval;
    private final TransactionTemplate transaction;

    ApprovalOperations(TasklistService tasks, Workflow workflow, Operations operations, ActionLog actionLog,
                       Copies copies, NotificationService notifications, OrgService orgService, Scope scope,
                       Dates dates, Clock clock, PlatformTransactionManager transactionManager,
                       @Value("${studyflow.operations.urge-interval:PT1H}") Duration urgeInterval) {
        this.tasks = tasks;
        this.workflow = workflow;
        this.operations = operations;
        this.actionLog = actionLog;
        this.copies = copies;
        this.notifications = notifications;
        this.orgService = orgService;
        this.scope = scope;
        this.dates = dates;
        this.clock = clock;
        this.urgeInterval = urgeInterval;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    // ---- 转办 transfer

    /** Hands the task to another holder of the step's roles; it leaves the actor's list. */
    public void transfer(String taskId, CurrentUser user, String to, String comment) {
        String note = note(comment);
        requireChosen(to);
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            String expected = requireHolder(task, user);
            Person target = pick(transferable(task, user), to);
            operations.transfer(task.id(), expected, target.getUsername());
            actionLog.record(tasks.subject(task), task.processInstanceId(), task, "TRANSFER", user, note,
                target.getDisplayName());
            notifications.notify(target.getId(), taskLink(task.id()), "ops.notify.transferred", user.getDisplayName(),
                task.title(), task.name(), orEmpty(note));
        });
    }

    // ---- 委派 delegate, and resolve

    /** Asks a colleague to handle the task; it comes back to the actor when they resolve it. */
    public void delegate(String taskId, CurrentUser user, String to, String comment) {
        String note = note(comment);
        requireChosen(to);
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            String expected = requireHolder(task, user);
            requireDecidedHere(task);
            Person target = pick(colleagues(task, user), to);
            operations.delegate(task.id(), expected, user.getUsername(), target.getUsername());
            actionLog.record(tasks.subject(task), task.processInstanceId(), task, "DELEGATE", user, note,
                target.getDisplayName());
            notifications.notify(target.getId(), taskLink(task.id()), "ops.notify.delegated", user.getDisplayName(),
                task.title(), task.name(), orEmpty(note));
        });
    }

    /** The person a task was delegated to hands it back, with their opinion, to the one who delegated it. */
    public void resolve(String taskId, CurrentUser user, String comment) {
        String note = note(comment);
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            if (!task.delegated()) {
                throw BusinessException.conflict("ops.error.notDelegated");
            }
            if (!tasks.isAssignee(task, user)) {
                throw BusinessException.forbidden();
            }
            operations.resolve(task.id(), user.getUsername());
            Person owner = orgService.personByUsername(task.owner());
            actionLog.record(tasks.subject(task), task.processInstanceId(), task, "RESOLVE", user, note,
                owner == null ? task.owner() : owner.getDisplayName());
            if (owner != null) {
                notifications.notify(owner.getId(), taskLink(task.id()), "ops.notify.resolved", user.getDisplayName(),
                    task.title(), orEmpty(note));
            }
        });
    }

    // ---- 加签 / 减签 add and remove a signer

    /**
     * Adds a signer before the actor's decision (前加签), or after it (后加签): adding a signer after is the
     * actor's approval, which moves the process on once every signer after has signed.
     */
    public void addSigner(String taskId, CurrentUser user, String to, SignPosition position, String comment) {
        String note = note(comment);
        requireChosen(to);
        if (position == null) {
            throw BusinessException.invalid("ops.error.positionRequired");
        }
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            List<Signer> open = task.isSignerTask() ? List.of() : operations.signers(task.id());
            String expected = requireHolder(task, user, !open.isEmpty());
            requireDecidedHere(task);
            if (!open.isEmpty() && open.get(0).position() != position) {
                throw BusinessException.conflict("ops.error.mixedPositions");
            }
            if (open.stream().anyMatch(s -> s.assignee().equals(to))) {
                throw BusinessException.invalid("ops.error.alreadySigner");
            }
            Person target = pick(colleagues(task, user), to);
            // signers after share the one approval the holder gave when adding the first of them
            String approval = position == SignPosition.AFTER ? (open.isEmpty() ? note : open.get(0).holderComment()) : null;
            String signerTask = operations.addSigner(task.id(), expected, user.getUsername(), target.getUsername(),
                position, approval);
            SubjectRef subject = tasks.subject(task);
            if (position == SignPosition.AFTER && open.isEmpty()) {
                actionLog.record(subject, task.processInstanceId(), task, Decision.APPROVE.name(), user, note);
            }
            actionLog.record(subject, task.processInstanceId(), task,
                position == SignPosition.BEFORE ? "ADD_SIGNER" : "ADD_SIGNER_AFTER", user,
                position == SignPosition.BEFORE ? note : null, target.getDisplayName());
            notifications.notify(target.getId(), taskLink(signerTask),
                position == SignPosition.BEFORE ? "ops.notify.signerAddedBefore" : "ops.notify.signerAddedAfter",
                user.getDisplayName(), task.title(), task.name(), orEmpty(note));
        });
    }

    /** Removes an added signer who has not signed yet (减签). */
    public void removeSigner(String taskId, CurrentUser user, String signer, String comment) {
        String note = note(comment);
        requireChosen(signer);
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            if (task.isSignerTask() || !tasks.isAssignee(task, user)) {
                throw BusinessException.forbidden();
            }
            Signer found = operations.signers(task.id()).stream().filter(s -> s.assignee().equals(signer)).findFirst()
                .orElseThrow(() -> BusinessException.invalid("ops.error.noSuchSigner"));
            TaskInfo signerTask = workflow.task(found.taskId()).orElseThrow(() -> BusinessException.conflict("task.changed"));
            operations.removeSigner(found.taskId(), found.assignee());
            Person removed = orgService.personByUsername(found.assignee());
            SubjectRef subject = tasks.subject(task);
            actionLog.record(subject, task.processInstanceId(), signerTask, "REMOVE_SIGNER", user, note,
                removed == null ? found.assignee() : removed.getDisplayName());
            if (removed != null) {
                notifications.notify(removed.getId(), tasks.provider(subject.type()).link(subject.id()),
                    "ops.notify.signerRemoved", user.getDisplayName(), task.title(), task.name());
            }
        });
    }

    // ---- 退回 return to any earlier step

    /**
     * Moves the instance back to an earlier step it has passed, with a comment; the steps in between run again.
     * Whoever finished that step last is told.
     */
    public void returnTo(String taskId, CurrentUser user, String step, String comment) {
        String note = note(comment);
        if (note == null) {
            throw BusinessException.invalid("task.commentRequired");
        }
        if (step == null || step.isBlank()) {
            throw BusinessException.invalid("ops.error.chooseStep");
        }
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            String expected = requireHolder(task, user);
            requireDecidedHere(task);
            PassedStep target = operations.returnTargets(task).stream().filter(p -> p.step().equals(step)).findFirst()
                .orElseThrow(() -> BusinessException.invalid("ops.error.notEarlierStep"));
            SubjectRef subject = tasks.subject(task);
            SubjectProvider provider = tasks.provider(subject.type());
            provider.onReturnedTo(subject.id(), target.step(), task, "RETURN_TO", note, user);
            List<String> created = operations.moveTo(task.id(), expected, target.step(), note);
            actionLog.record(subject, task.processInstanceId(), task, "RETURN_TO", user, note, target.name());
            Person previous = target.assignee() == null ? null : orgService.personByUsername(target.assignee());
            if (previous != null && previous.getId() != user.getPersonId()) {
                String link = created.isEmpty() ? provider.link(subject.id()) : taskLink(created.get(0));
                notifications.notify(previous.getId(), link, "ops.notify.returnedTo", user.getDisplayName(), task.title(),
                    task.name(), target.name(), note);
            }
        });
    }

    // ---- 撤回 withdraw

    /**
     * The person who submitted to the current step takes the submission back while no one has acted on that
     * step yet; the step they submitted from is theirs again. If the next person acts first, the withdrawal is
     * refused with their name.
     */
    public void withdraw(String processInstanceId, CurrentUser user, String comment) {
        String note = note(comment);
        Instance instance = instance(processInstanceId, user);
        TaskInfo[] current = new TaskInfo[1];
        try {
            transaction.executeWithoutResult(status -> {
                List<TaskInfo> open = workflow.activeTasks(processInstanceId);
                if (open.size() != 1) {
                    throw BusinessException.conflict(open.isEmpty() ? "ops.error.ended" : "ops.error.cannotWithdraw");
                }
                TaskInfo task = open.get(0);
                current[0] = task;
                PassedStep previous = withdrawable(task, user);
                instance.provider().onReturnedTo(instance.subject().id(), previous.step(), task, "WITHDRAW", note, user);
                List<String> created = operations.moveTo(task.id(), null, previous.step(), note);
                created.forEach(id -> operations.assign(id, user.getUsername()));
                actionLog.record(instance.subject(), processInstanceId, task, "WITHDRAW", user, note, previous.name());
            });
        } catch (ConcurrencyFailureException e) {
            Action last = current[0] == null ? null : actionLog.lastOnTask(current[0].id());
            throw last == null || last.getActorName() == null ? BusinessException.conflict("task.changed")
                : BusinessException.conflict("ops.error.withdrawLost", last.getActorName());
        }
    }

    private PassedStep withdrawable(TaskInfo task, CurrentUser user) {
        Optional<PassedStep> previous = operations.previousStep(task);
        if (previous.isEmpty() || !user.getUsername().equals(previous.get().assignee())) {
            boolean passedByMe = operations.passedSteps(task.processInstanceId()).stream()
                .anyMatch(p -> user.getUsername().equals(p.assignee()));
            throw passedByMe ? BusinessException.conflict("ops.error.withdrawTooLate") : BusinessException.forbidden();
        }
        if (task.isAssigned()) {
            throw BusinessException.conflict("ops.error.withdrawTaken", tasks.assigneeName(task));
        }
        return previous.get();
    }

    // ---- 抄送 copy to

    /** Copies people in on the task's business object; they are notified and may read that one object. */
    public List<Person> copy(String taskId, CurrentUser user, List<String> to, String comment) {
        String note = note(comment);
        if (to == null || to.stream().allMatch(s -> s == null || s.isBlank())) {
            throw BusinessException.invalid("ops.error.chooseTo");
        }
        List<Person> added = new ArrayList<>();
        tasks.inTransaction(taskId, user, () -> {
            TaskInfo task = tasks.get(taskId, user);
            if (task.isSignerTask()) {
                throw BusinessException.invalid("ops.error.signerTask");
            }
            List<Person> eligible = copyable(task, user);
            Set<Person> chosen = new LinkedHashSet<>();
            for (String username : to) {
                if (username != null && !username.isBlank()) {
                    chosen.add(pick(eligible, username.trim()));
                }
            }
            added.addAll(copies.copy(tasks.subject(task), task.processInstanceId(), task, task.step(), task.name(),
                task.title(), chosen, user, note));
            if (added.isEmpty()) {
                throw BusinessException.invalid("ops.error.alreadyCopied");
            }
        });
        return added;
    }

    // ---- 催办 urge

    /**
     * The submitter or initiator nudges whoever holds the current step: its assignee, or all its candidates while
     * it is unclaimed, and any added signers. Once per step in {@code studyflow.operations.urge-interval}.
     */
    public void urge(String processInstanceId, CurrentUser user, String comment) {
        String note = note(comment);
        Instance instance = instance(processInstanceId, user);
        transaction.executeWithoutResult(status -> {
            List<TaskInfo> open = workflow.activeTasks(processInstanceId);
            if (open.isEmpty()) {
                throw BusinessException.conflict("ops.error.ended");
            }
            if (!mayUrge(open, user)) {
                throw BusinessException.forbidden();
            }
            OffsetDateTime againAt = urgeAgainAt(processInstanceId, open);
            if (againAt != null) {
                throw BusinessException.conflict("ops.error.urgeTooSoon", dates.format(againAt));
            }
            for (TaskInfo task : open) {
                List<Recipient> recipients = urgeRecipients(task);
                recipients.forEach(r -> notifications.notify(r.person().getId(), r.link(), "ops.notify.urged",
                    user.getDisplayName(), task.title(), task.name(), orEmpty(note)));
                String names = recipients.stream().map(r -> r.person().getDisplayName()).collect(Collectors.joining("、"));
                actionLog.record(instance.subject(), processInstanceId, task, "URGE", user, note, names);
            }
        });
    }

    /** The submitter of the current step or the initiator, unless they hold the current step themselves. */
    private boolean mayUrge(List<TaskInfo> open, CurrentUser user) {
        if (open.stream().anyMatch(t -> tasks.isAssignee(t, user) || tasks.isCandidate(t, user))) {
            return false;
        }
        List<PassedStep> passed = operations.passedSteps(open.get(0).processInstanceId());
        if (!passed.isEmpty() && user.getUsername().equals(passed.get(0).assignee())) {
            return true;
        }
        return open.stream().anyMatch(t -> operations.previousStep(t)
            .map(p -> user.getUsername().equals(p.assignee())).orElse(false));
    }

    /** When the instance may next be urged, or null when it may be now. */
    private OffsetDateTime urgeAgainAt(String processInstanceId, List<TaskInfo> open) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime latest = null;
        for (TaskInfo task : open) {
            Action last = actionLog.lastAtStep(processInstanceId, task.step(), "URGE");
            if (last != null && last.getCreatedAt().plus(urgeInterval).isAfter(now)) {
                OffsetDateTime at = last.getCreatedAt().plus(urgeInterval);
                latest = latest == null || at.isAfter(latest) ? at : latest;
            }
        }
        return latest;
    }

    /** Whom an urge reaches on one task, each with the task they should open. */
    private List<Recipient> urgeRecipients(TaskInfo task) {
        Map<Long, Recipient> recipients = new LinkedHashMap<>();
        List<Person> holders = new ArrayList<>();
        if (task.assignee() != null) {
            Optional.ofNullable(orgService.personByUsername(task.assignee())).ifPresent(holders::add);
        } else {
            workflow.candidateGroups(task.id()).forEach(group -> holders.addAll(resolve(orgService, group)));
        }
        holders.forEach(p -> recipients.putIfAbsent(p.getId(), new Recipient(p, taskLink(task.id()))));
        for (Signer s : operations.signers(task.id())) {
            Person p = orgService.personByUsername(s.assignee());
            if (p != null) {
                recipients.putIfAbsent(p.getId(), new Recipient(p, taskLink(s.taskId())));
            }
        }
        return List.copyOf(recipients.values());
    }

    private record Recipient(Person person, String link) {
    }

    // ---- what comes next, and what a person may do

    /** The steps still ahead of this task on the approval path, with who will hold each. */
    public List<NextStep> nextSteps(String taskId, CurrentUser user) {
        return nextSteps(tasks.get(taskId, user));
    }

    /** The steps ahead of an instance's current step, for anyone who may see its business object. */
    public List<NextStep> nextStepsOfInstance(String processInstanceId, CurrentUser user) {
        instance(processInstanceId, user);
        List<TaskInfo> open = workflow.activeTasks(processInstanceId);
        return open.isEmpty() ? List.of() : nextSteps(open.get(0));
    }

    private List<NextStep> nextSteps(TaskInfo task) {
        List<NextStep> steps = new ArrayList<>();
        Map<Long, String> orgNames = orgService.names();
        for (ModelStep m : operations.ahead(task.processInstanceId(), task.step())) {
            List<NextStep.Holders> holders = new ArrayList<>();
            for (String group : m.candidateGroups()) {
                Matcher g = GROUP.matcher(group);
                Role role = g.matches() ? role(g.group(2)) : null;
                if (role != null) {
                    long orgId = Long.parseLong(g.group(1));
                    holders.add(new NextStep.Holders(orgNames.get(orgId), role,
                        orgService.holders(orgId, role).stream().map(Person::getDisplayName).toList()));
                }
            }
            List<String> named = new ArrayList<>(m.candidateUsers());
            if (m.assignee() != null) {
                named.add(0, m.assignee());
            }
            List<String> people = named.stream().map(orgService::personByUsername).filter(Objects::nonNull)
                .map(Person::getDisplayName).toList();
            if (!people.isEmpty()) {
                holders.add(new NextStep.Holders(null, null, people));
            }
            steps.add(new NextStep(m.step(), m.name(), holders, m.unresolved()));
        }
        return steps;
    }

    /** What this person may do on this task now; the task page shows these and nothing else. */
    public TaskOperations panel(TaskInfo task, CurrentUser user) {
        boolean assignee = tasks.isAssignee(task, user);
        if (task.isSignerTask()) {
            TaskOperations.SignerView me = operations.signer(task.id()).map(this::view).orElse(null);
            return new TaskOperations(true, false, me, false, null, null, List.of(), false, List.of(), false,
                List.of(), false, List.of(), List.of(), false, false, List.of(), false, List.of(), nextSteps(task));
        }
        boolean candidate = tasks.isCandidate(task, user);
        List<TaskOperations.SignerView> signers = operations.signers(task.id()).stream().map(this::view).toList();
        boolean waiting = !signers.isEmpty();
        boolean holder = !task.delegated() && (assignee || (candidate && !task.isAssigned()));
        boolean decidedHere = decidedHere(task);
        List<PersonChoice> transferTo = holder && !waiting ? choices(transferable(task, user)) : List.of();
        List<PersonChoice> colleagues = holder && decidedHere ? choices(colleagues(task, user)) : List.of();
        Set<String> signing = signers.stream().map(TaskOperations.SignerView::username).collect(Collectors.toSet());
        List<PersonChoice> signerChoices = colleagues.stream().filter(c -> !signing.contains(c.username())).toList();
        List<SignPosition> positions = waiting ? List.of(signers.get(0).position()) : List.of(SignPosition.values());
        List<PassedStep> targets = holder && !waiting && decidedHere ? operations.returnTargets(task) : List.of();
        List<PersonChoice> copyTo = (assignee || candidate) ? choices(copyable(task, user)) : List.of();
        return new TaskOperations(
            !task.delegated() && !waiting,
            !task.delegated() && !waiting,
            null,
            task.delegated() && assignee,
            task.delegated() ? displayName(task.owner()) : null,
            task.delegated() && !assignee ? tasks.assigneeName(task) : null,
            signers,
            !transferTo.isEmpty(), transferTo,
            !waiting && !colleagues.isEmpty(), colleagues,
            !signerChoices.isEmpty(), signerChoices, positions,
            assignee && waiting,
            !targets.isEmpty(), targets,
            !copyTo.isEmpty(), copyTo,
            nextSteps(task));
    }

    /** What the page of a business object shows about its instance for this person. */
    public InstanceOperations instanceView(String processInstanceId, CurrentUser user) {
        if (processInstanceId == null) {
            return null;
        }
        instance(processInstanceId, user);
        List<TaskInfo> open = workflow.activeTasks(processInstanceId);
        if (open.isEmpty()) {
            return new InstanceOperations(processInstanceId, List.of(), List.of(), false, null, false, null);
        }
        boolean mayUrge = mayUrge(open, user);
        OffsetDateTime againAt = mayUrge ? urgeAgainAt(processInstanceId, open) : null;
        String withdrawTo = null;
        if (open.size() == 1 && !open.get(0).isAssigned()) {
            withdrawTo = operations.previousStep(open.get(0)).filter(p -> user.getUsername().equals(p.assignee()))
                .map(PassedStep::name).orElse(null);
        }
        return new InstanceOperations(processInstanceId, open.stream().map(TaskInfo::name).toList(),
            nextSteps(open.get(0)), mayUrge && againAt == null, againAt == null ? null : dates.format(againAt),
            withdrawTo != null, withdrawTo);
    }

    // ---- who may act, and on whom

    private String requireHolder(TaskInfo task, CurrentUser user) {
        return requireHolder(task, user, false);
    }

    /**
     * The holder of a step: its assignee, or a candidate while no one has claimed it. Returns the assignee the
     * engine must still show when the operation runs (null for an unclaimed task), for its compare-and-set.
     */
    private String requireHolder(TaskInfo task, CurrentUser user, boolean signersAllowed) {
        if (task.isSignerTask()) {
            throw BusinessException.invalid("ops.error.signerTask");
        }
        if (task.delegated()) {
            throw BusinessException.conflict("ops.error.delegated");
        }
        if (!signersAllowed && !operations.signers(task.id()).isEmpty()) {
            throw BusinessException.conflict("ops.error.waitingForSigners");
        }
        if (tasks.isAssignee(task, user)) {
            return user.getUsername();
        }
        if (!tasks.isCandidate(task, user)) {
            throw BusinessException.forbidden();
        }
        if (task.isAssigned()) {
            throw BusinessException.conflict("task.claimedBy", tasks.assigneeName(task));
        }
        return null;
    }

    /** Delegating, adding signers and returning belong to steps decided on the task page, not to a draft. */
    private void requireDecidedHere(TaskInfo task) {
        if (!decidedHere(task)) {
            throw BusinessException.invalid("ops.error.notOnThisStep");
        }
    }

    private boolean decidedHere(TaskInfo task) {
        return tasks.provider(tasks.subject(task).type()).form(task) == null;
    }

    /** Everyone else who holds one of the step's candidate groups. */
    private List<Person> transferable(TaskInfo task, CurrentUser user) {
        List<Person> people = new ArrayList<>();
        for (String group : workflow.candidateGroups(task.id())) {
            people.addAll(resolve(orgService, group));
        }
        return distinct(people).stream().filter(p -> p.getId() != user.getPersonId())
            .filter(p -> !p.getUsername().equals(task.assignee())).toList();
    }

    /** Anyone of the step's organisations who may see the business object, the actor aside. */
    private List<Person> colleagues(TaskInfo task, CurrentUser user) {
        long subjectOrg = subjectOrg(task);
        Set<Long> orgs = new LinkedHashSet<>();
        for (String group : workflow.candidateGroups(task.id())) {
            Matcher m = GROUP.matcher(group);
            if (m.matches()) {
                orgs.add(Long.parseLong(m.group(1)));
            }
        }
        if (orgs.isEmpty()) {
            orgs.add(subjectOrg);
        }
        List<Person> people = new ArrayList<>();
        for (long orgId : orgs) {
            for (Person p : orgService.people(orgId)) {
                if (p.getId() != user.getPersonId() && scope.canSee(orgService.asUser(p), subjectOrg)) {
                    people.add(p);
                }
            }
        }
        return distinct(people);
    }

    /** The object's organisation, and the publicity department and managers of the one above it. */
    private List<Person> copyable(TaskInfo task, CurrentUser user) {
        long subjectOrg = subjectOrg(task);
        List<Person> people = new ArrayList<>(orgService.people(subjectOrg));
        Org parent = orgService.parentOf(subjectOrg);
        if (parent != null) {
            people.addAll(orgService.holders(parent.getId(), Role.DEPT));
            people.addAll(orgService.holders(parent.getId(), Role.MANAGER));
        }
        return distinct(people).stream().filter(p -> p.getId() != user.getPersonId()).toList();
    }

    private static List<Person> distinct(List<Person> people) {
        Map<Long, Person> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.putIfAbsent(p.getId(), p));
        return List.copyOf(byId.values());
    }

    private long subjectOrg(TaskInfo task) {
        SubjectRef subject = tasks.subject(task);
        Long orgId = tasks.provider(subject.type()).orgId(subject.id());
        if (orgId == null && task.orgId() == null) {
            throw BusinessException.notFound();
        }
        return orgId != null ? orgId : task.orgId();
    }

    private static Person pick(List<Person> eligible, String username) {
        return eligible.stream().filter(p -> p.getUsername().equals(username)).findFirst()
            .orElseThrow(() -> BusinessException.invalid("ops.error.notEligible"));
    }

    /** The people a candidate group ({@code org:12:leader}) or a user name stands for. */
    static List<Person> resolve(OrgService orgService, String entry) {
        Matcher m = GROUP.matcher(entry);
        if (m.matches()) {
            Role role = role(m.group(2));
            return role == null ? List.of() : orgService.holders(Long.parseLong(m.group(1)), role);
        }
        Person p = orgService.personByUsername(entry);
        return p != null && p.isEnabled() ? List.of(p) : List.of();
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The page of an instance's business object, for this person. */
    public String subjectLink(String processInstanceId, CurrentUser user) {
        Instance instance = instance(processInstanceId, user);
        return instance.provider().link(instance.subject().id());
    }

    /** The business object of an instance, if this person may see it (by scope, or because it was copied to them). */
    private Instance instance(String processInstanceId, CurrentUser user) {
        String businessKey = operations.businessKey(processInstanceId);
        if (businessKey == null) {
            throw BusinessException.notFound();
        }
        SubjectRef subject = SubjectRef.parse(businessKey);
        SubjectProvider provider = tasks.provider(subject.type());
        Long orgId = provider.orgId(subject.id());
        if (orgId == null) {
            throw BusinessException.notFound();
        }
        if (!scope.canSee(user, orgId) && !copies.isCopiedTo(subject, user)) {
            throw BusinessException.forbidden();
        }
        return new Instance(subject, provider);
    }

    private record Instance(SubjectRef subject, SubjectProvider provider) {
    }

    private TaskOperations.SignerView view(Signer s) {
        return new TaskOperations.SignerView(s.assignee(), displayName(s.assignee()), s.position(), displayName(s.addedBy()));
    }

    private List<PersonChoice> choices(List<Person> people) {
        Map<Long, String> orgNames = orgService.names();
        return people.stream().map(p -> new PersonChoice(p.getUsername(), p.getDisplayName(), orgNames.get(p.getOrgId())))
            .toList();
    }

    private String displayName(String username) {
        if (username == null) {
            return null;
        }
        Person p = orgService.personByUsername(username);
        return p == null ? username : p.getDisplayName();
    }

    private static String note(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw BusinessException.invalid("task.commentTooLong");
        }
        return comment == null || comment.isBlank() ? null : comment.trim();
    }

    private static void requireChosen(String username) {
        if (username == null || username.isBlank()) {
            throw BusinessException.invalid("ops.error.chooseTo");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String taskLink(String taskId) {
        return "/tasks/" + taskId;
    }
}
