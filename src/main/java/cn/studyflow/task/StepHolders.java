package cn.studyflow.task;

import cn.studyflow.org.Person;
import cn.studyflow.workflow.TaskInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Who holds a step now, for features that remind them: its assignee, or everyone of its candidate groups. */
@Component
@RequiredArgsConstructor
public class StepHolders {

    private final OperationRules rules;

    public List<Person> of(TaskInfo task) {
        Map<Long, Person> byId = new LinkedHashMap<>();
        rules.holders(task).forEach(p -> byId.putIfAbsent(p.getId(), p));
        return List.copyOf(byId.values());
    }
}
