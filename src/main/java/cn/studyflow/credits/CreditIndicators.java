package cn.studyflow.credits;

import cn.studyflow.assessment.Indicator;
import cn.studyflow.assessment.IndicatorSource;
import cn.studyflow.assessment.StudyPeriod;
import java.util.EnumSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The assessment's members on target: the people of each organisation with a credit target who reached it in the
 * period's year, from the ledger as of its last refresh (hourly, and whenever a standing is opened). A quarter counts
 * the standing of its year so far, as credits have a yearly target only.
 */
@Component
@RequiredArgsConstructor
class CreditIndicators implements IndicatorSource {

    private final CreditLedgerMapper ledger;

    @Override
    public Set<Indicator> indicators() {
        return EnumSet.of(Indicator.MEMBERS_ON_TARGET);
    }

    @Override
    public void addTo(Sink sink, StudyPeriod period) {
        ledger.selectPeriodOnTarget(period)
            .forEach(r -> sink.add(r.getOrgId(), Indicator.MEMBERS_ON_TARGET, r.getN(), r.getM()));
    }
}
