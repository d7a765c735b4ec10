package cn.studyflow.journal;

import cn.studyflow.workflow.BaselineProcesses;
import cn.studyflow.workflow.Workflow;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code sf_instance} and {@code sf_stage} in step with the engine: built-in listeners, added to every
 * process and user task as the engine parses them, write a row when a StudyFlow instance starts and when each
 * of its tasks is created, and close them when they end, in the transaction of the step. Built-in listeners
 * run even where an operation skips custom listeners, so instance modifications are journalled too. Only
 * the processes of {@link BaselineProcesses} get the listeners, and only instances started with an
 * {@link Workflow#VAR_ORG_ID} are written; anything else deployed on the engine is left alone.
 */
@Component
@RequiredArgsConstructor
class InstanceJournal extends AbstractProcessEnginePlugin {

    static final String COMPLETED = "COMPLETED";
    static final String CANCELLED = "CANCELLED";

    // the mapper needs the SqlSessionFactory, which the engine's configuration must not wait for
    private final ObjectProvider<JournalMapper> journal;
    private final BaselineProcesses baseline;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new ParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void started(DelegateExecution execution) {
        if (execution.getVariable(Workflow.VAR_ORG_ID) instanceof Number orgId) {
            Object title = execution.getVariable(Workflow.VAR_TITLE);
            Object overseer = execution.getVariable(Workflow.VAR_OVERSEER_ORG_ID);
            Object hiddenUntil = execution.getVariable(Workflow.VAR_HIDDEN_UNTIL);
            journal.getObject().insertInstance(execution.getProcessInstanceId(), definitionKey(execution),
                execution.getProcessDefinitionId(), execution.getProcessBusinessKey(), orgId.longValue(),
                title == null ? null : title.toString(), now(),
                overseer instanceof Number n ? n.longValue() : null,
                hiddenUntil instanceof Date d ? time(d) : null);
        }
    }

    private void ended(DelegateExecution execution) {
        journal.getObject().endInstance(execution.getProcessInstanceId(), execution.isCanceled() ? CANCELLED : COMPLETED,
            now());
    }

    private void created(DelegateTask task) {
        journal.getObject().insertStage(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
            task.getName(), time(task.getCreateTime()), time(task.getDueDate()));
    }

    private void endStage(DelegateTask task, String outcome) {
        OffsetDateTime now = now();
        journal.getObject().endStage(task.getId(), outcome, now, now.toInstant().toEpochMilli()
            - task.getCreateTime().getTime());
    }

    /** The key from the engine's cached definition: an id is not always {@code key:version:uuid}. */
    private static String definitionKey(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getKey();
    }

    private OffsetDateTime now() {
        return time(ClockUtil.getCurrentTime());
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity process) {
            if (!baseline.isKnown(process.getKey())) {
                return;
            }
            ExecutionListener start = InstanceJournal.this::started;
            ExecutionListener end = InstanceJournal.this::ended;
            process.addBuiltInListener(ExecutionListener.EVENTNAME_START, start);
            process.addBuiltInListener(ExecutionListener.EVENTNAME_END, end);
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (baseline.isKnown(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())
                && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                TaskDefinition definition = behavior.getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, InstanceJournal.this::created);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> endStage(task, COMPLETED));
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, task -> endStage(task, CANCELLED));
            }
        }
    }
}
