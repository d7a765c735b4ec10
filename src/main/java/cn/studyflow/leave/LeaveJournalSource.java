package cn.studyflow.leave;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.journal.JournalSource;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Tells the status journal whose the leave instances are, read from the requests that name them. */
@Component
@RequiredArgsConstructor
class LeaveJournalSource implements JournalSource {

    private final LeaveMapper leaves;

    @Override
    public List<JournalOwner> owners(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : leaves.selectJournalOwners(processInstanceIds);
    }
}
