package cn.studyflow.session;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.credits.CreditFact;
import cn.studyflow.credits.CreditQuery;
import cn.studyflow.credits.CreditSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What held sessions tell credits: everyone on the roster with how they attended, and who chaired or spoke. A
 * session counts once it is marked held; scheduled and cancelled ones earn nothing.
 */
@Component
@RequiredArgsConstructor
class SessionCredits implements CreditSource {

    static final String TYPE = "SESSION";

    private final SessionCreditMapper mapper;

    @Override
    public List<CreditFact> facts(CreditQuery query) {
        List<CreditFact> facts = new ArrayList<>();
        for (SessionCreditMapper.Row r : mapper.selectRosterFacts(query)) {
            SubjectRef ref = new SubjectRef(TYPE, r.sessionId());
            String link = "/sessions/" + r.sessionId();
            int minutes = r.startTime() == null || r.endTime() == null || !r.endTime().isAfter(r.startTime()) ? 0
                : (int) Duration.between(r.startTime(), r.endTime()).toMinutes();
            facts.add(new CreditFact(r.personId(), r.sessionDate(), CreditFact.Kind.ATTENDANCE, r.attendance().name(),
                ref, r.title(), link, minutes));
            if (r.part() == Part.CHAIR || r.part() == Part.SPEAKER) {
                facts.add(new CreditFact(r.personId(), r.sessionDate(), CreditFact.Kind.LEAD, r.part().name(), ref,
                    r.title(), link, minutes));
            }
        }
        return facts;
    }
}
