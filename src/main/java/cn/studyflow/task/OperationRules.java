package cn.studyflow.task;

import cn.studyflow.common.CandidateGroup;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.PersonNames;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.common.BusinessException;
import cn.studyflow.workflow.Operations;
import cn.studyflow.workflow.TaskInfo;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who may act in the approval operations, and on whom: the holder of a step, the instance a person may look
 * into, and the people a step may be transferred, delegated or copied to. See docs/processes.md#approval-operations.
 */
@Component
@RequiredArgsConstructor
class OperationRules {

    private final Workflow workflow;
    private final Operations operations;
    private final OrgService orgService;
    private final PersonNames names;
    private final Scope scope;
    private final SubjectRegistry subjects;

    // ---- who may act

    /**
     * The holder of a step: its assignee, or a candidate while no one has claimed it (the runner has checked that
     * the person is one or the other). Returns the assignee the engine must still show when the operation runs
     * (null for an unclaimed task), for its compare-and-set.
     */
    String requireHolder(Step step, boolean signersAllowed) {
        TaskInfo task = step.task();
        if (task.isSignerTask()) {
            throw BusinessException.invalid("ops.error.signerTask");
        }
        if (task.delegated()) {
            throw BusinessException.conflict("ops.error.delegated");
        }
        if (!signersAllowed && !operations.signers(task.id()).isEmpty()) {
            throw BusinessException.conflict("ops.error.waitingForSigners");
        }
        if (step.isAssignee()) {
            return step.user().getUsername();
        }
        if (task.isAssigned()) {
            throw BusinessException.conflict("task.claimedBy", displayName(task.assignee()));
        }
        return null;
    }

    /** Delegating, adding signers and returning belong to steps decided on the task page, not to a draft. */
    void requireDecidedHere(TaskInfo task) {
        if (!decidedHere(task)) {
            throw BusinessException.invalid("ops.error.notOnThisStep");
        }
    }

    boolean decidedHere(TaskInfo task) {
        return subjects.provider(SubjectRef.parse(task.businessKey())).form(task) == null;
    }

    /**
     * The business object of an instance, if this person may read it by its feature's own rule; 404 otherwise,
     * like an instance that does not exist.
     */
    SubjectRef instance(String processInstanceId, CurrentUser user) {
        String businessKey = processInstanceId == null ? null : operations.businessKey(processInstanceId);
        if (businessKey == null) {
            throw BusinessException.notFound();
        }
        SubjectRef subject = SubjectRef.parse(businessKey);
        subjects.requireVisible(subject, user);
        return subject;
    }

    // ---- on whom

    /** Everyone else who holds one of the step's candidate groups. */
    List<Person> transferable(TaskInfo task, CurrentUser user) {
        List<Person> people = new ArrayList<>();
        for (String group : workflow.candidateGroups(task.id())) {
            people.addAll(resolve(orgService, group));
        }
        return distinct(people).stream().filter(p -> p.getId() != user.getPersonId())
            .filter(p -> !p.getUsername().equals(task.assignee())).toList();
    }

    /** Anyone of the step's organisations who may see the business object, the actor aside. */
    List<Person> colleagues(TaskInfo task, CurrentUser user) {
        long subjectOrg = subjectOrg(task);
        Set<Long> orgs = new LinkedHashSet<>();
        for (String group : workflow.candidateGroups(task.id())) {
            CandidateGroup.parse(group).ifPresent(g -> orgs.add(g.orgId()));
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
    List<Person> copyable(TaskInfo task, CurrentUser user) {
        long subjectOrg = subjectOrg(task);
        List<Person> people = new ArrayList<>(orgService.people(subjectOrg));
        Org parent = orgService.parentOf(subjectOrg);
        if (parent != null) {
            people.addAll(orgService.holders(parent.getId(), Role.DEPT));
            people.addAll(orgService.holders(parent.getId(), Role.MANAGER));
        }
        return distinct(people).stream().filter(p -> p.getId() != user.getPersonId()).toList();
    }

    /** The people who hold a step now: its assignee, or everyone of its candidate groups. */
    List<Person> holders(TaskInfo task) {
        if (task.assignee() != null) {
            Person p = orgService.personByUsername(task.assignee());
            return p == null ? List.of() : List.of(p);
        }
        List<Person> people = new ArrayList<>();
        workflow.candidateGroups(task.id()).forEach(group -> people.addAll(resolve(orgService, group)));
        return people;
    }

    /** The people a candidate group ({@code org:12:leader}) or a user name stands for. */
    static List<Person> resolve(OrgService orgService, String entry) {
        Optional<CandidateGroup> group = CandidateGroup.parse(entry);
        if (group.isPresent()) {
            return Role.of(group.get()).map(role -> orgService.holders(group.get().orgId(), role)).orElse(List.of());
        }
        Person p = orgService.personByUsername(entry);
        return p != null && p.isEnabled() ? List.of(p) : List.of();
    }

    static Person pick(List<Person> eligible, String username) {
        return eligible.stream().filter(p -> p.getUsername().equals(username)).findFirst()
            .orElseThrow(() -> BusinessException.invalid("ops.error.notEligible"));
    }

    static void requireChosen(String username) {
        if (username == null || username.isBlank()) {
            throw BusinessException.invalid("ops.error.chooseTo");
        }
    }

    List<PersonChoice> choices(List<Person> people) {
        Map<Long, String> orgNames = orgService.names();
        return people.stream()
            .map(p -> {
                String org = orgNames.get(p.getOrgId());
                String label = names.label(p);
                return new PersonChoice(p.getUsername(), p.getDisplayName(), org,
                    label.equals(p.getDisplayName()) ? label + " · " + org : label);
            })
            .toList();
    }

    String displayName(String username) {
        if (username == null) {
            return null;
        }
        return names.name(username);
    }

    private long subjectOrg(TaskInfo task) {
        Long orgId = subjects.orgId(SubjectRef.parse(task.businessKey()));
        if (orgId == null && task.orgId() == null) {
            throw BusinessException.notFound();
        }
        return orgId != null ? orgId : task.orgId();
    }

    private static List<Person> distinct(List<Person> people) {
        Map<Long, Person> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.putIfAbsent(p.getId(), p));
        return List.copyOf(byId.values());
    }
}
