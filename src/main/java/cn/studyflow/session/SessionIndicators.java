package cn.studyflow.session;

import cn.studyflow.assessment.Indicator;
import cn.studyflow.assessment.IndicatorSource;
import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.status.OrgRow;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The assessment's session indicators: sessions held against planned, attendance at the held ones (leave as
 * {@code studyflow.session.leave-excused} says) and the make-ups done by those on leave or absent (the roster's
 * {@code made_up}, so a waived make-up is not done).
 */
@Component
@RequiredArgsConstructor
class SessionIndicators implements IndicatorSource {

    private final SessionRecordMapper records;
    private final SessionRecordProperties properties;

    @Override
    public Set<Indicator> indicators() {
        return EnumSet.of(Indicator.SESSIONS_HELD, Indicator.ATTENDANCE, Indicator.MAKEUPS_DONE);
    }

    @Override
    public void addTo(Sink sink, StudyPeriod period) {
        add(sink, Indicator.SESSIONS_HELD, records.selectPeriodSessions(period));
        add(sink, Indicator.ATTENDANCE, records.selectPeriodAttendance(period, properties.leaveExcused()));
        add(sink, Indicator.MAKEUPS_DONE, records.selectPeriodMakeups(period));
    }

    static void add(Sink sink, Indicator indicator, List<OrgRow> rows) {
        rows.forEach(r -> sink.add(r.getOrgId(), indicator, r.getN(), r.getM()));
    }
}
