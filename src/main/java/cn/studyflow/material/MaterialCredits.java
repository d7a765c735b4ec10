package cn.studyflow.material;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.credits.CreditFact;
import cn.studyflow.credits.CreditQuery;
import cn.studyflow.credits.CreditSource;
import java.time.ZoneId;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What materials tell credits: each material approved (signed off and archived), on the day it was, for its author. */
@Component
@RequiredArgsConstructor
class MaterialCredits implements CreditSource {

    private final MaterialCreditMapper mapper;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @Override
    public List<CreditFact> facts(CreditQuery query) {
        return mapper.selectApproved(query, query.start(zone), query.end(zone)).stream()
            .map(m -> new CreditFact(m.authorId(), m.archivedAt().atZoneSameInstant(zone).toLocalDate(),
                CreditFact.Kind.MATERIAL, m.kind().name(), new SubjectRef(MaterialReviewProcess.SUBJECT_TYPE, m.id()),
                m.title(), "/materials/" + m.id(), 0))
            .toList();
    }
}
