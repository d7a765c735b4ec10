package cn.studyflow.session;

import cn.studyflow.status.OrgFigures;
import cn.studyflow.status.OrgFiguresSource;
import cn.studyflow.status.StatusScope;
import java.time.LocalDate;
import java.util.function.LongFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The status dashboard's sessions column: sessions planned and held in the year per organisation. */
@Component
@RequiredArgsConstructor
class SessionOrgFigures implements OrgFiguresSource {

    private final StudySessionMapper sessions;

    @Override
    public void addTo(LongFunction<OrgFigures> row, StatusScope scope, int year, LocalDate today) {
        sessions.selectOrgFigures(scope, year, today, today.getYear() * 100 + today.getMonthValue())
            .forEach(r -> row.apply(r.getOrgId()).setSessions(r.getN(), r.getM()));
    }
}
