package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The process copies people in (抄送), from a service task
 * {@code camunda:delegateExpression="${copyToDelegate}"} with an input parameter {@value #INPUT}: a
 * comma-separated list of candidate groups ({@code org:${orgId}:manager}) and user names. Everyone it names
 * gets a notification and read access to the instance's business object.
 */
@Component
@RequiredArgsConstructor
class CopyToDelegate implements JavaDelegate {

    static final String INPUT = "copyTo";

    private static final Logger log = LoggerFactory.getLogger(CopyToDelegate.class);

    private final Copies copies;
    private final OrgService orgService;

    @Override
    public void execute(DelegateExecution execution) {
        SubjectRef subject = SubjectRef.parse(execution.getProcessBusinessKey());
        Object to = execution.getVariableLocal(INPUT);
        List<Person> people = new ArrayList<>();
        for (String entry : to == null ? new String[0] : to.toString().split(",")) {
            people.addAll(OperationRules.resolve(orgService, entry.trim()));
        }
        List<Person> copied = copies.copy(subject, execution.getProcessInstanceId(), null,
            execution.getCurrentActivityId(), execution.getCurrentActivityName(),
            (String) execution.getVariable(Workflow.VAR_TITLE), people, null, null);
        log.info("{}: copied to {} people at {}", subject.businessKey(), copied.size(), execution.getCurrentActivityId());
    }
}
