package cn.studyflow.session;

import cn.studyflow.status.OrgFigures;
import cn.studyflow.status.OrgFiguresSource;
import cn.studyflow.status.StatusScope;
import java.time.LocalDate;
import java.util.function.LongFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The status dashboard's sessions columns: sessions held (marked so by their secretary) against planned in the year,
 * and the attendance at the held ones, marked below {@code studyflow.session.attendance-threshold}.
 */
@Component
@RequiredArgsConstructor
class SessionOrgFigures implements OrgFiguresSource {

    private final StudySessionMapper sessions;
    private final SessionRecordMapper records;
    private final SessionRecordProperties properties;

    @Override
    public void addTo(LongFunction<OrgFigures> row, StatusScope scope, int year, LocalDate today) {
        sessions.selectOrgFigures(scope, year).forEach(r -> row.apply(r.getOrgId()).setSessions(r.getN(), r.getM()));
        records.selectOrgAttendance(scope, year, properties.leaveExcused()).forEach(r -> {
            OrgFigures o = row.apply(r.getOrgId());
            o.setAttendance(r.getN(), r.getM());
            o.setAttendanceBelow(o.getAttendanceRate() != null && properties.isBelow(o.getAttendanceRate()));
        });
    }
}
