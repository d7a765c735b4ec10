package cn.studyflow.workflow;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;

/**
 * Engine tasks as {@link TaskInfo}s, for a whole list at once: the instances' business keys and list variables
 * in one query each, whatever the list's length.
 */
final class TaskInfos {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ZoneId zone;
    /** Key and name by process definition id, see {@link #definition}. */
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();

    TaskInfos(RuntimeService runtime, TaskService tasks, RepositoryService repository, ZoneId zone) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.zone = zone;
    }

    List<TaskInfo> of(List<Task> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        // an added signer's subtask belongs to no process itself: it shows its parent's process and step
        Map<String, Task> parents = new HashMap<>();
        List<String> parentIds = list.stream().filter(t -> t.getProcessInstanceId() == null && t.getParentTaskId() != null)
            .map(Task::getParentTaskId).distinct().toList();
        if (!parentIds.isEmpty()) {
            tasks.createTaskQuery().taskIdIn(parentIds.toArray(String[]::new)).list().forEach(p -> parents.put(p.getId(), p));
        }
        List<String> instanceIds = list.stream().map(t -> processTask(t, parents).getProcessInstanceId())
            .filter(Objects::nonNull).distinct().toList();
        Map<String, Map<String, Object>> variables = instanceIds.isEmpty() ? Map.of() : variables(instanceIds);
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instanceIds)).list()
                .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
        }
        return list.stream().map(task -> {
            Task process = processTask(task, parents);
            String instanceId = process.getProcessInstanceId();
            return info(task, process, instanceId == null ? null : businessKeys.get(instanceId),
                instanceId == null ? Map.of() : variables.getOrDefault(instanceId, Map.of()));
        }).toList();
    }

    /**
     * Tasks read within an engine command ({@code context}), all of one process instance or a single one: the
     * parent of an added signer's subtask, the instance and its variables are read by their keys in the same
     * command, plain selects by id where {@link #of(List)} builds three queries.
     */
    List<TaskInfo> of(CommandContext context, List<TaskEntity> list) {
        Map<String, ExecutionEntity> instances = new HashMap<>();
        return list.stream().map(task -> {
            TaskEntity process = task;
            if (task.getProcessInstanceId() == null && task.getParentTaskId() != null) {
                TaskEntity parent = context.getTaskManager().findTaskById(task.getParentTaskId());
                process = parent == null ? task : parent;
            }
            String instanceId = process.getProcessInstanceId();
            ExecutionEntity instance = instanceId == null ? null
                : instances.computeIfAbsent(instanceId, context.getExecutionManager()::findExecutionById);
            Map<String, Object> vars = new HashMap<>();
            if (instance != null) {
                vars.put(Workflow.VAR_TITLE, instance.getVariableLocal(Workflow.VAR_TITLE));
                vars.put(Workflow.VAR_ORG_ID, instance.getVariableLocal(Workflow.VAR_ORG_ID));
            }
            return info(task, process, instance == null ? null : instance.getBusinessKey(), vars);
        }).toList();
    }

    private TaskInfo info(Task task, Task process, String businessKey, Map<String, Object> vars) {
        Definition definition = process.getProcessDefinitionId() == null ? null
            : definition(process.getProcessDefinitionId());
        Object orgId = vars.get(Workflow.VAR_ORG_ID);
        return new TaskInfo(task.getId(), task.getName(), process.getTaskDefinitionKey(), process.getProcessInstanceId(),
            definition == null ? null : definition.key(), definition == null ? null : definition.name(), businessKey,
            task.getAssignee(), time(task.getCreateTime()), time(task.getDueDate()),
            (String) vars.get(Workflow.VAR_TITLE), orgId instanceof Number n ? n.longValue() : null,
            task.getParentTaskId(), task.getOwner(), task.getDelegationState() == DelegationState.PENDING);
    }

    /**
     * Key and name of a deployed process version, read from the engine once: neither changes for a definition id,
     * and each list and each task read asked the database again before.
     */
    private Definition definition(String processDefinitionId) {
        return definitions.computeIfAbsent(processDefinitionId, id -> {
            ProcessDefinition d = repository.getProcessDefinition(id);
            return new Definition(d.getKey(), d.getName());
        });
    }

    private record Definition(String key, String name) {
    }

    private static Task processTask(Task task, Map<String, Task> parents) {
        if (task.getProcessInstanceId() == null && task.getParentTaskId() != null) {
            Task parent = parents.get(task.getParentTaskId());
            return parent == null ? task : parent;
        }
        return task;
    }

    /** The list variables of many instances in one query. */
    private Map<String, Map<String, Object>> variables(Collection<String> processInstanceIds) {
        Map<String, Map<String, Object>> result = new HashMap<>();
        List<VariableInstance> found = runtime.createVariableInstanceQuery()
            .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
            .variableNameIn(Workflow.VAR_TITLE, Workflow.VAR_ORG_ID)
            .disableBinaryFetching()
            .list();
        for (VariableInstance v : found) {
            result.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        return result;
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }
}
