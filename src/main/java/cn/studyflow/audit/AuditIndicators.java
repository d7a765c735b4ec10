package cn.studyflow.audit;

import cn.studyflow.assessment.Indicator;
import cn.studyflow.assessment.IndicatorSource;
import cn.studyflow.assessment.StudyPeriod;
import java.util.EnumSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The assessment's audit indicators: the auditors' scores against the most they could give, and the
 * rectifications accepted by their deadline.
 */
@Component
@RequiredArgsConstructor
class AuditIndicators implements IndicatorSource {

    private final AuditMapper audits;

    @Override
    public Set<Indicator> indicators() {
        return EnumSet.of(Indicator.AUDIT_SCORE, Indicator.RECTIFICATIONS_ON_TIME);
    }

    @Override
    public void addTo(Sink sink, StudyPeriod period) {
        audits.selectPeriodScores(period).forEach(r -> sink.add(r.getOrgId(), Indicator.AUDIT_SCORE, r.getN(), r.getM()));
        audits.selectPeriodRectifications(period, period.today()).forEach(r -> sink.add(r.getOrgId(),
            Indicator.RECTIFICATIONS_ON_TIME, r.getN(), r.getM()));
    }
}
