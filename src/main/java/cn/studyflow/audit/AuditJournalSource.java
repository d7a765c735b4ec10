package cn.studyflow.audit;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.journal.JournalSource;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Tells the status journal whose the audit instances are, read from the audit rows that name them. */
@Component
@RequiredArgsConstructor
class AuditJournalSource implements JournalSource {

    private final AuditMapper audits;

    @Override
    public List<JournalOwner> owners(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : audits.selectJournalOwners(processInstanceIds);
    }
}
