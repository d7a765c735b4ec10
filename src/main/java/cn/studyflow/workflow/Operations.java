package cn.studyflow.workflow;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The engine side of the approval operations (转办, 委派, 加签, 退回到任意环节, 撤回, and what comes next),
 * beside {@link Workflow}. The engine holds all their state: the assignee, owner and delegation state of a
 * task, added signers as subtasks with task-local variables, and the position of an instance, moved by process
 * instance modification.
 *
 * <p>Each change is a compare-and-set: it runs as one engine command that reads the task, checks that it is
 * still held by whom the caller saw holding it, and forces an optimistic-locking update of the task row. So when
 * two people act on one task at once, one wins and the other gets a {@link WorkflowConflictException} instead
 * of silently overwriting the first.
 */
@Service
public class Operations {

    static final String VAR_SIGN_POSITION = "sfSignPosition";
    static final String VAR_SIGN_ADDED_BY = "sfSignAddedBy";
    static final String VAR_HOLDER_COMMENT = "sfHolderComment";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final HistoryService history;
    private final CommandExecutor commands;
    private final ZoneId zone;

    Operations(ProcessEngine engine, @Value("${studyflow.zone}") String zone) {
        this.tasks = engine.getTaskService();
        this.runtime = engine.getRuntimeService();
        this.repository = engine.getRepositoryService();
        this.history = engine.getHistoryService();
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
        this.zone = ZoneId.of(zone);
    }

    /**
     * Claims an unclaimed task for {@code username}: refused if anyone holds it by now, the same person included,
     * so that of two claims at once (a double click) one claims and the other changes nothing.
     */
    public void claim(String taskId, String username) {
        onTask(taskId, null, task -> {
            tasks.claim(taskId, username);
            return null;
        });
    }

    /** 转办: the task passes to {@code to}, who decides it as if they had claimed it. */
    public void transfer(String taskId, String expectedAssignee, String to) {
        onTask(taskId, expectedAssignee, task -> {
            requireFree(task);
            tasks.setAssignee(taskId, to);
            if (task.getOwner() != null) {
                // an owner left from an earlier delegation would otherwise get the task back on the next resolve
                tasks.setOwner(taskId, null);
            }
            return null;
        });
    }

    /** 委派: {@code holder} stays the owner, {@code to} works on it until they resolve it. */
    public void delegate(String taskId, String expectedAssignee, String holder, String to) {
        onTask(taskId, expectedAssignee, task -> {
            requireFree(task);
            tasks.setOwner(taskId, holder);
            tasks.delegateTask(taskId, to);
            return null;
        });
    }

    /** The delegated person hands the task back to its owner, who then decides. */
    public void resolve(String taskId, String expectedAssignee) {
        onTask(taskId, expectedAssignee, task -> {
            if (task.getDelegationState() != DelegationState.PENDING) {
                throw conflict(taskId, "is not delegated");
            }
            tasks.resolveTask(taskId);
            return null;
        });
    }

    /**
     * 加签: a subtask of the step's task for {@code signer}. An unclaimed task is claimed for {@code holder}
     * first. For {@link SignPosition#AFTER} {@code holderComment} is the holder's approval, applied once every
     * signer after has signed.
     */
    public String addSigner(String taskId, String expectedAssignee, String holder, String signer, SignPosition position,
                            String holderComment) {
        return onTask(taskId, expectedAssignee, task -> {
            if (task.getDelegationState() == DelegationState.PENDING || task.getParentTaskId() != null) {
                throw conflict(taskId, "is delegated or itself a signer's task");
            }
            if (task.getAssignee() == null) {
                tasks.setAssignee(taskId, holder);
            }
            Task sub = tasks.newTask();
            sub.setParentTaskId(taskId);
            sub.setName(task.getName());
            sub.setAssignee(signer);
            sub.setDueDate(task.getDueDate());
            sub.setPriority(task.getPriority());
            tasks.saveTask(sub);
            Map<String, Object> vars = new HashMap<>();
            vars.put(VAR_SIGN_POSITION, position.name());
            vars.put(VAR_SIGN_ADDED_BY, holder);
            vars.put(VAR_HOLDER_COMMENT, holderComment);
            tasks.setVariablesLocal(sub.getId(), vars);
            return sub.getId();
        });
    }

    /** 减签: removes an added signer's task that its signer has not acted on. */
    public void removeSigner(String signerTaskId, String expectedSigner) {
        onTask(signerTaskId, expectedSigner, task -> {
            requireSigner(task);
            tasks.deleteTask(signerTaskId, "signer removed");
            return null;
        });
    }

    /** The signer has signed: their subtask is done. */
    public void completeSigner(String signerTaskId, String expectedSigner) {
        onTask(signerTaskId, expectedSigner, task -> {
            requireSigner(task);
            tasks.complete(signerTaskId);
            return null;
        });
    }

    /** Removes the signers still open on a step that is decided without them (a signer returned it). */
    public void dropSigners(String taskId) {
        Workflow.guard(() -> {
            for (Signer s : signers(taskId)) {
                tasks.deleteTask(s.taskId(), "step decided");
            }
            return null;
        });
    }

    /** The added signers still to sign on a step's task, oldest first. */
    public List<Signer> signers(String taskId) {
        return Workflow.guard(() -> {
            List<Signer> result = new ArrayList<>();
            for (Task sub : tasks.getSubTasks(taskId)) {
                signer(sub).ifPresent(result::add);
            }
            result.sort(Comparator.comparing(Signer::created).thenComparing(Signer::taskId));
            return result;
        });
    }

    /** The task as an added signer's task, if it is one. */
    public Optional<Signer> signer(String taskId) {
        return Workflow.guard(() -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            return task == null ? Optional.empty() : signer(task);
        });
    }

    private Optional<Signer> signer(Task task) {
        if (task.getParentTaskId() == null) {
            return Optional.empty();
        }
        Map<String, Object> vars = tasks.getVariablesLocal(task.getId());
        Object position = vars.get(VAR_SIGN_POSITION);
        if (position == null) {
            return Optional.empty();
        }
        return Optional.of(new Signer(task.getId(), task.getParentTaskId(), task.getAssignee(),
            SignPosition.valueOf(position.toString()), (String) vars.get(VAR_SIGN_ADDED_BY),
            (String) vars.get(VAR_HOLDER_COMMENT), time(task.getCreateTime())));
    }

    /**
     * Moves the instance from the step of {@code taskId} back to {@code step} (退回到任意环节, 撤回): the step is
     * started anew and the task's activity is cancelled, in one process instance modification carrying
     * {@code annotation}. Steps in between run again when the instance moves forward. Returns the new tasks.
     */
    public List<String> moveTo(String taskId, String expectedAssignee, String step, String annotation) {
        String[] instanceId = new String[1];
        onTask(taskId, expectedAssignee, task -> {
            requireFree(task);
            instanceId[0] = task.getProcessInstanceId();
            String activityInstanceId = activityInstanceOf(task);
            // start before cancelling, so that a subprocess holding both steps (and its timers) stays as it is
            runtime.createProcessInstanceModification(task.getProcessInstanceId())
                .startBeforeActivity(step)
                .cancelActivityInstance(activityInstanceId)
                .setAnnotation(annotation)
                .execute();
            return null;
        });
        return tasks.createTaskQuery().processInstanceId(instanceId[0]).taskDefinitionKey(step).list().stream()
            .map(Task::getId).toList();
    }

    /** Assigns a task that no one holds, e.g. the step a submitter took back. */
    public void assign(String taskId, String username) {
        onTask(taskId, null, task -> {
            tasks.setAssignee(taskId, username);
            return null;
        });
    }

    private String activityInstanceOf(Task task) {
        ActivityInstance found = ActivityInstances.find(runtime.getActivityInstance(task.getProcessInstanceId()),
            task.getTaskDefinitionKey(), task.getExecutionId());
        if (found == null) {
            throw conflict(task.getId(), "has no activity instance");
        }
        return found.getId();
    }

    /** The user tasks this instance has finished (not those taken back), in the order they finished. */
    public List<PassedStep> passedSteps(String processInstanceId) {
        List<HistoricActivityInstance> finished = history.createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId).activityType("userTask").finished()
            .orderByHistoricActivityInstanceEndTime().asc().list();
        return finished.stream()
            .filter(a -> !a.isCanceled())
            .map(a -> new PassedStep(a.getActivityId(), a.getActivityName(), a.getAssignee(), time(a.getStartTime()),
                time(a.getEndTime())))
            .toList();
    }

    /**
     * The earlier steps a task may return to: those this instance has passed that lie before the task's step on
     * the model's forward path, each with whoever finished it last, in the order the instance first passed them.
     */
    public List<PassedStep> returnTargets(TaskInfo task) {
        Set<String> before = ProcessGraph.before(model(task.processInstanceId()), task.step());
        Map<String, PassedStep> latest = new LinkedHashMap<>();
        for (PassedStep p : passedSteps(task.processInstanceId())) {
            if (before.contains(p.step())) {
                latest.put(p.step(), p);
            }
        }
        return List.copyOf(latest.values());
    }

    /**
     * The step finished just before {@code task} arrived, if the instance came to the task from it along the
     * forward path: whoever finished it submitted to this task and may withdraw while no one has acted on it.
     */
    public Optional<PassedStep> previousStep(TaskInfo task) {
        List<PassedStep> passed = passedSteps(task.processInstanceId()).stream()
            .filter(p -> task.created() == null || !p.ended().isAfter(task.created()))
            .toList();
        if (passed.isEmpty()) {
            return Optional.empty();
        }
        PassedStep last = passed.get(passed.size() - 1);
        boolean forward = ProcessGraph.before(model(task.processInstanceId()), task.step()).contains(last.step());
        return forward ? Optional.of(last) : Optional.empty();
    }

    /** The user tasks ahead of {@code step} on the approval path of a running instance, nearest first. */
    public List<ModelStep> ahead(String processInstanceId, String step) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return List.of();
        }
        Map<String, Object> vars = Workflow.guard(() -> runtime.getVariables(processInstanceId));
        return ProcessGraph.ahead(model(processInstanceId), step).stream().map(t -> modelStep(t, vars)).toList();
    }

    private static ModelStep modelStep(UserTask task, Map<String, Object> vars) {
        boolean[] unresolved = {false};
        Function<String, String> fill = expression -> {
            String value = fill(expression, vars);
            if (value == null) {
                unresolved[0] = true;
            }
            return value;
        };
        List<String> groups = task.getCamundaCandidateGroupsList().stream().map(fill).filter(Objects::nonNull).toList();
        List<String> users = task.getCamundaCandidateUsersList().stream().map(fill).filter(Objects::nonNull).toList();
        String assignee = task.getCamundaAssignee() == null ? null : fill.apply(task.getCamundaAssignee());
        return new ModelStep(task.getId(), task.getName(), groups, users, assignee, unresolved[0]);
    }

    /** Fills simple {@code ${name}} placeholders from {@code vars}; null when anything else remains. */
    static String fill(String expression, Map<String, Object> vars) {
        Matcher m = PLACEHOLDER.matcher(expression.trim());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = vars.get(m.group(1));
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        String result = out.toString();
        return result.contains("${") || result.contains("#{") || result.isBlank() ? null : result;
    }

    /** The business key of a running or finished instance, or null when there is no such instance. */
    public String businessKey(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance != null) {
            return instance.getBusinessKey();
        }
        var finished = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return finished == null ? null : finished.getBusinessKey();
    }

    private BpmnModelInstance model(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        String definitionId = instance != null ? instance.getProcessDefinitionId()
            : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
        return repository.getBpmnModelInstance(definitionId);
    }

    /**
     * Runs {@code work} in one engine command on the task, after checking that {@code expectedAssignee} still
     * holds it. The forced update makes a concurrent change to the same task fail one of the two commands.
     */
    private <T> T onTask(String taskId, String expectedAssignee, Function<Task, T> work) {
        return Workflow.guard(() -> commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                throw conflict(taskId, "is gone");
            }
            if (!Objects.equals(task.getAssignee(), expectedAssignee)) {
                throw conflict(taskId, "is now held by " + task.getAssignee());
            }
            context.getDbEntityManager().forceUpdate(task);
            return work.apply(task);
        }));
    }

    /** A step task that is neither delegated nor waiting for signers may be handed on or moved. */
    private void requireFree(Task task) {
        if (task.getDelegationState() == DelegationState.PENDING || task.getParentTaskId() != null
            || !tasks.getSubTasks(task.getId()).isEmpty()) {
            throw conflict(task.getId(), "is delegated, a signer's task or waiting for signers");
        }
    }

    private void requireSigner(Task task) {
        if (signer(task).isEmpty()) {
            throw conflict(task.getId(), "is not an added signer's task");
        }
    }

    private static WorkflowConflictException conflict(String taskId, String what) {
        return new WorkflowConflictException("Task " + taskId + " " + what, null);
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }
}
