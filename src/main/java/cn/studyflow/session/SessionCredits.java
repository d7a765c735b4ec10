package cn.studyflow.session;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.credits.CreditFact;
import cn.studyflow.credits.CreditQuery;
import cn.studyflow.credits.CreditSource;
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

    private final SessionCreditMapper mapper;

    @Override
    public List<CreditFact> facts(CreditQuery query) {
        List<CreditFact> facts = new ArrayList<>();
        for (SessionCreditMapper.Row r : mapper.selectRosterFacts(query)) {
            SubjectRef ref = new SubjectRef(SessionScheduling.SUBJECT, r.sessionId());
            String link = "/sessions/" + r.sessionId();
            int minutes = SessionHours.minutes(r.startTime(), r.endTime());
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
