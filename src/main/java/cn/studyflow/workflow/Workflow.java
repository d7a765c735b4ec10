package cn.studyflow.workflow;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * StudyFlow's one door to the engine. Callers hold the Spring transaction; every call here joins it, so a
 * domain write and the engine step it belongs to commit or roll back together.
 */
@Service
public class Workflow {

    /** Process variables every StudyFlow process carries for lists and scope checks. */
    public static final String VAR_TITLE = "title";
    public static final String VAR_ORG_ID = "orgId";
    /**
     * Optional: the organisation that oversees an instance of another organisation (the dept that runs an audit),
     * and until when the instance stays hidden from the other organisation's people (a random audit before its
     * day). The managers' views apply both.
     */
    public static final String VAR_OVERSEER_ORG_ID = "overseerOrgId";
    public static final String VAR_HIDDEN_UNTIL = "hiddenUntil";

    /** More rounds of continuations than any process has steps in a row: beyond it, one keeps making the next. */
    private static final int MAX_CONTINUATION_ROUNDS = 50;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final HistoryService history;
    private final ManagementService management;
    private final String tablePrefix;
    private final TaskInfos infos;
    private final CommandExecutor commands;

    Workflow(RuntimeService runtime, TaskService tasks, RepositoryService repository, HistoryService history,
             ManagementService management, @Value("${studyflow.zone}") String zone) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.history = history;
        this.management = management;
        this.tablePrefix = TaskListSql.tablePrefix(management);
        this.infos = new TaskInfos(runtime, tasks, repository, ZoneId.of(zone));
        this.commands = ((ServiceImpl) tasks).getCommandExecutor();
    }

    /**
     * The variables every process starts with: its business object's id (under the process's own name for it), its
     * organisation and its title. The map is the caller's, to add the process's own variables to.
     */
    public static Map<String, Object> startVariables(String idVariable, long id, long orgId, String title) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(idVariable, id);
        vars.put(VAR_ORG_ID, orgId);
        vars.put(VAR_TITLE, title);
        return vars;
    }

    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, businessKey, variables);
        return instance.getId();
    }

    /** The open task; one engine command reads it with its instance (see {@link TaskInfos#of(CommandContext, List)}). */
    public Optional<TaskInfo> task(String taskId) {
        return commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? Optional.<TaskInfo>empty() : Optional.of(infos.of(context, List.of(task)).get(0));
        });
    }

    /**
     * The open task with whether one of {@code groups} is among its candidates, whoever holds it: what {@link #task}
     * and {@link #isCandidate} tell together, in one engine command. Empty when there is no such open task.
     */
    public Optional<Candidacy> candidacy(String taskId, Collection<String> groups) {
        return commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.<Candidacy>empty();
            }
            boolean candidate = !groups.isEmpty() && task.getIdentityLinks().stream().anyMatch(link ->
                IdentityLinkType.CANDIDATE.equals(link.getType()) && groups.contains(link.getGroupId()));
            return Optional.of(new Candidacy(infos.of(context, List.of(task)).get(0), candidate));
        });
    }

    /** An open task, and whether the groups asked about are among its candidates. */
    public record Candidacy(TaskInfo task, boolean candidate) {
    }

    /** The open tasks of one process instance, oldest first; none for an object whose process has not started. */
    public List<TaskInfo> activeTasks(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        return commands.execute(context -> {
            List<TaskEntity> found = new ArrayList<>(context.getTaskManager().findTasksByProcessInstanceId(processInstanceId));
            found.sort(Comparator.comparing(TaskEntity::getCreateTime).thenComparing(TaskEntity::getId));
            return infos.of(context, found);
        });
    }

    /**
     * The candidate groups of an open task. A task completed or moved by someone else meanwhile is a
     * {@link WorkflowConflictException}, not a task without candidates: its links may vanish between two reads.
     */
    public List<String> candidateGroups(String taskId) {
        return guard(() -> {
            List<String> groups = tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .toList();
            if (groups.isEmpty() && tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw new WorkflowConflictException("Task " + taskId + " is gone", null);
            }
            return groups;
        });
    }

    /**
     * Whether one of {@code groups} is a candidate group of the open task, in one query. A task completed or
     * moved by someone else meanwhile is a {@link WorkflowConflictException}.
     */
    public boolean isCandidate(String taskId, Collection<String> groups) {
        return guard(() -> {
            if (!groups.isEmpty() && tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(List.copyOf(groups))
                .includeAssignedTasks().count() > 0) {
                return true;
            }
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw new WorkflowConflictException("Task " + taskId + " is gone", null);
            }
            return false;
        });
    }

    public PageOf<TaskInfo> tasks(TaskFilter filter, int page, int size) {
        TaskFilter.View view = filter.groups().isEmpty() ? TaskFilter.View.MINE : filter.view();
        if (filter.view() == TaskFilter.View.GROUP && filter.groups().isEmpty()) {
            return new PageOf<>(List.of(), 0, page, size);
        }
        TaskListSql sql = new TaskListSql(tablePrefix, filter, view);
        // the page, its count and its instances in one engine command
        return commands.execute(context -> {
            List<Task> found = sql.list(tasks).listPage(page * size, size);
            // a page that is not full ends the list, so it tells the total: no count for a short list
            long total = found.size() < size && (!found.isEmpty() || page == 0) ? (long) page * size + found.size()
                : sql.count(tasks).count();
            return new PageOf<>(infos.of(found), total, page, size);
        });
    }

    /** How many tasks {@link #tasks} would list for the filter, without reading them. */
    public long countTasks(TaskFilter filter) {
        if (filter.groups().isEmpty() && filter.view() == TaskFilter.View.GROUP) {
            return 0;
        }
        TaskFilter.View view = filter.groups().isEmpty() ? TaskFilter.View.MINE : filter.view();
        return new TaskListSql(tablePrefix, filter, view).count(tasks).count();
    }

    public void claim(String taskId, String username) {
        guard(() -> {
            tasks.claim(taskId, username);
            return null;
        });
    }

    /** Gives a claimed task back to its groups; not a delegated task, an added signer's or one waiting for signers. */
    public void unclaim(String taskId) {
        guard(() -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task != null && (task.getParentTaskId() != null || task.getDelegationState() == DelegationState.PENDING
                || !tasks.getSubTasks(taskId).isEmpty())) {
                throw BusinessException.conflict("ops.error.cannotUnclaim");
            }
            tasks.setAssignee(taskId, null);
            return null;
        });
    }

    /**
     * Completes a task. The engine itself would complete a delegated task or one whose added signers have not
     * signed yet; StudyFlow refuses both, whoever calls.
     */
    public void complete(String taskId, Map<String, Object> variables) {
        // one engine command, so that the checks and the completion read the task once
        String refused = guard(() -> commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null && task.getDelegationState() == DelegationState.PENDING) {
                return "ops.error.delegated";
            }
            if (task != null && !context.getTaskManager().findTasksByParentTaskId(taskId).isEmpty()) {
                return "ops.error.waitingForSigners";
            }
            tasks.complete(taskId, variables);
            return null;
        }));
        if (refused != null) {
            throw BusinessException.conflict(refused);
        }
    }

    public void setVariable(String processInstanceId, String name, Object value) {
        runtime.setVariable(processInstanceId, name, value);
    }

    /**
     * Moves the waiting timer of {@code timerActivityId} (a boundary or intermediate timer event) of an instance
     * to {@code due}, as when the day its date expression counted from has moved; the caller sets the variable
     * the expression reads, so that the timer agrees with it. Returns how many timers moved: none when it has
     * fired already or its step is not active.
     */
    public int moveTimer(String processInstanceId, String timerActivityId, Date due) {
        List<Job> timers = management.createJobQuery()
            .processInstanceId(processInstanceId).activityId(timerActivityId).timers().list();
        timers.forEach(job -> management.setJobDuedate(job.getId(), due));
        return timers.size();
    }

    /**
     * Runs the asynchronous continuations of an instance (not its timers) until none is left, in the caller's
     * transaction: what the job executor would do once it commits, for work recorded in one go (the demo's audit of
     * a session already held), so that no job of it is ever seen half done.
     */
    public void runContinuations(String processInstanceId) {
        for (int round = 0; round < MAX_CONTINUATION_ROUNDS; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Continuations of " + processInstanceId + " keep coming");
    }

    /** Gives the open tasks of an instance a new due date (null: none), as their due-date expression would now. */
    public void setTaskDue(String processInstanceId, Date due) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            task.setDueDate(due);
            tasks.saveTask(task);
        }
    }

    /** Key and name of the newest version of every deployed process, by name. */
    public Map<String, String> processNames() {
        Map<String, String> names = new java.util.TreeMap<>();
        repository.createProcessDefinitionQuery().latestVersion().list()
            .forEach(d -> names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return names;
    }

    /** The titles of the running instances of one organisation's business objects, at most {@code max}. */
    public List<String> runningTitles(long orgId, int max) {
        return runtime.createProcessInstanceQuery().variableValueEquals(VAR_ORG_ID, orgId)
            .orderByProcessInstanceId().asc().listPage(0, max).stream()
            .map(i -> Objects.toString(runtime.getVariable(i.getId(), VAR_TITLE), i.getBusinessKey()))
            .toList();
    }

    public boolean isRunning(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /**
     * The diagram of an instance's own process version, with where it is and where it has been: how often each
     * step ran when it ran more than once, and which steps were taken back (withdrawn, or left by a return to
     * an earlier step) and not finished since. 404 for an unknown instance, or none (null).
     */
    public DiagramState diagram(String processInstanceId) {
        if (processInstanceId == null) {
            // an object recorded without a process (the demo's finished year): no diagram, as for an unknown one
            throw BusinessException.notFound();
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw BusinessException.notFound();
        }
        List<String> current = isRunning(processInstanceId) ? runtime.getActiveActivityIds(processInstanceId) : List.of();
        List<HistoricActivityInstance> passed = history.createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
            .orderPartiallyByOccurrence().asc().list();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, HistoricActivityInstance> latest = new HashMap<>();
        for (HistoricActivityInstance a : passed) {
            if ("userTask".equals(a.getActivityType())) {
                counts.merge(a.getActivityId(), 1, Integer::sum);
                latest.put(a.getActivityId(), a);
            }
        }
        counts.values().removeIf(n -> n < 2);
        Map<String, String> classes = new HashMap<>();
        latest.forEach((id, a) -> {
            if (a.isCanceled() && !current.contains(id)) {
                classes.put(id, "sf-taken-back");
            }
        });
        List<String> completed = passed.stream()
            .filter(a -> a.getEndTime() != null && !classes.containsKey(a.getActivityId()))
            .map(HistoricActivityInstance::getActivityId)
            .distinct()
            .toList();
        return new DiagramState(xml(instance.getProcessDefinitionId()), current, completed, counts, classes);
    }

    private String xml(String processDefinitionId) {
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T guard(Supplier<T> action) {
        try {
            return action.get();
        } catch (OptimisticLockingException | TaskAlreadyClaimedException | NotFoundException | NullValueException e) {
            throw new WorkflowConflictException(e.getMessage(), e);
        } catch (ProcessEngineException e) {
            if (isConcurrencyFailure(e)) {
                throw new WorkflowConflictException(e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Whether the database gave up one of two transactions that changed the same rows at once (a deadlock or a
     * serialization failure, SQLSTATE class 40): two people acted at once and this one lost.
     */
    private static boolean isConcurrencyFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
