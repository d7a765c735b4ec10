package cn.studyflow.material;

import cn.studyflow.assessment.Indicator;
import cn.studyflow.assessment.IndicatorSource;
import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.common.Batches;
import cn.studyflow.session.SessionService;
import cn.studyflow.status.OrgRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The assessment's material indicator: materials archived (cleared) by their deadline before the session. The
 * session package names the sessions the period counts; their materials are counted a thousand sessions a statement,
 * and an organisation's counts from several statements added up.
 */
@Component
@RequiredArgsConstructor
class MaterialIndicators implements IndicatorSource {

    private final MaterialMapper materials;
    private final SessionService sessions;

    @Override
    public Set<Indicator> indicators() {
        return Set.of(Indicator.MATERIALS_CLEARED);
    }

    @Override
    public void addTo(Sink sink, StudyPeriod period) {
        Map<Long, long[]> byOrg = new LinkedHashMap<>();
        List<OrgRow> rows = Batches.read(sessions.countedIn(period),
            ids -> materials.selectPeriodCleared(period, ids));
        for (OrgRow r : rows) {
            long[] counts = byOrg.computeIfAbsent(r.getOrgId(), k -> new long[2]);
            counts[0] += r.getN();
            counts[1] += r.getM();
        }
        byOrg.forEach((orgId, counts) -> sink.add(orgId, Indicator.MATERIALS_CLEARED, counts[0], counts[1]));
    }
}
