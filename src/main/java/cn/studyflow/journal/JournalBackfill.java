package cn.studyflow.journal;

import cn.studyflow.workflow.BaselineProcesses;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the status journal of instances that ran before it existed (a database from an earlier StudyFlow),
 * from the engine's history and what the features' {@link JournalSource}s say about each instance. Runs at
 * start-up, does nothing when the journal already holds every instance, and is safe to run again on any node.
 */
@Component
@Order(-5)
@RequiredArgsConstructor
class JournalBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(JournalBackfill.class);
    private static final int PAGE = 500;

    private final HistoryService history;
    private final JournalMapper journal;
    private final List<JournalSource> sources;
    private final BaselineProcesses baseline;
    private final TransactionTemplate transaction;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @Override
    public void run(ApplicationArguments args) {
        String[] keys = baseline.names().keySet().toArray(String[]::new);
        long engine = history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(keys).count();
        if (engine == journal.countInstances()) {
            return;
        }
        int written = 0;
        for (int first = 0; first < engine; first += PAGE) {
            List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(keys).orderByProcessInstanceStartTime().asc().listPage(first, PAGE);
            written += transaction.execute(status -> backfill(page));
        }
        log.info("Status journal: wrote {} instances that ran before it existed", written);
    }

    private int backfill(List<HistoricProcessInstance> page) {
        List<String> ids = page.stream().map(HistoricProcessInstance::getId).toList();
        Set<String> known = new HashSet<>(journal.selectKnownIds(ids));
        List<String> missing = ids.stream().filter(id -> !known.contains(id)).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        // the features say whose each instance is; an instance no feature names is not StudyFlow's
        Map<String, JournalOwner> owners = sources.stream().flatMap(s -> s.owners(missing).stream())
            .collect(Collectors.toMap(JournalOwner::getProcessInstanceId, Function.identity(), (a, b) -> a));
        int written = 0;
        for (HistoricProcessInstance instance : page) {
            JournalOwner owner = owners.get(instance.getId());
            if (owner == null) {
                continue;
            }
            journal.insertInstance(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionId(), instance.getBusinessKey(), owner.getOrgId(), owner.getTitle(),
                time(instance.getStartTime()), owner.getOverseerOrgId(),
                owner.getHiddenDay() == null ? null : owner.getHiddenDay().atStartOfDay(zone).toOffsetDateTime());
            if (instance.getEndTime() != null) {
                journal.endInstance(instance.getId(), HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())
                    ? InstanceJournal.COMPLETED : InstanceJournal.CANCELLED, time(instance.getEndTime()));
            }
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                     .orderByHistoricActivityInstanceStartTime().asc().list()) {
                journal.insertStage(task.getId(), instance.getId(), task.getTaskDefinitionKey(), task.getName(),
                    time(task.getStartTime()), time(task.getDueDate()));
                if (task.getEndTime() != null) {
                    journal.endStage(task.getId(), "completed".equals(task.getDeleteReason()) ? InstanceJournal.COMPLETED
                        : InstanceJournal.CANCELLED, time(task.getEndTime()),
                        task.getEndTime().getTime() - task.getStartTime().getTime());
                }
            }
            written++;
        }
        sources.stream().flatMap(s -> s.counts(missing).stream()).forEach(journal::updateCounts);
        return written;
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }
}
