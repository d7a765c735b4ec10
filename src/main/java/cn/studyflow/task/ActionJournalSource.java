package cn.studyflow.task;

import cn.studyflow.journal.JournalCounts;
import cn.studyflow.journal.JournalSource;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Tells the status journal how often old instances were returned and withdrawn, read from the action log. */
@Component
@RequiredArgsConstructor
class ActionJournalSource implements JournalSource {

    private final ActionMapper actions;

    @Override
    public List<JournalCounts> counts(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : actions.selectJournalCounts(processInstanceIds);
    }
}
