package cn.studyflow.plan;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.journal.JournalSource;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Tells the status journal whose the plan instances are, read from the plan rows that name them. */
@Component
@RequiredArgsConstructor
class PlanJournalSource implements JournalSource {

    private final PlanMapper plans;

    @Override
    public List<JournalOwner> owners(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : plans.selectJournalOwners(processInstanceIds);
    }
}
