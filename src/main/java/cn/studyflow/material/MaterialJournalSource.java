package cn.studyflow.material;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.journal.JournalSource;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Tells the status journal whose the material instances are, read from the material rows that name them. */
@Component
@RequiredArgsConstructor
class MaterialJournalSource implements JournalSource {

    private final MaterialMapper materials;

    @Override
    public List<JournalOwner> owners(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : materials.selectJournalOwners(processInstanceIds);
    }
}
