package cn.studyflow.makeup;

import cn.studyflow.common.SubjectRef;
import cn.studyflow.credits.CreditFact;
import cn.studyflow.credits.CreditQuery;
import cn.studyflow.credits.CreditSource;
import cn.studyflow.session.SessionHours;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What make-up study tells credits: each make-up with its status, on the day it was accepted (or assigned, while it is
 * not), with the length of the session it makes up, of which an accepted make-up earns a share.
 */
@Component
@RequiredArgsConstructor
class MakeupCredits implements CreditSource {

    private final MakeupCreditMapper mapper;
    private final SessionService sessions;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @Override
    public List<CreditFact> facts(CreditQuery query) {
        Map<Long, Optional<StudySession>> read = new HashMap<>();
        return mapper.selectFacts(query, query.start(zone), query.end(zone)).stream().map(m -> {
            Optional<StudySession> s = read.computeIfAbsent(m.sessionId(), sessions::byId);
            return new CreditFact(m.personId(), m.factAt().atZoneSameInstant(zone).toLocalDate(), CreditFact.Kind.MAKEUP,
                m.status().name(), new SubjectRef(MakeupStudyProcess.SUBJECT_TYPE, m.id()),
                s.map(StudySession::getTitle).orElse(""), "/makeups/" + m.id(),
                s.map(x -> SessionHours.minutes(x.getStartTime(), x.getEndTime())).orElse(0));
        }).toList();
    }
}
