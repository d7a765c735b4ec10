package cn.studyflow.material;

import cn.studyflow.assessment.Indicator;
import cn.studyflow.assessment.IndicatorSource;
import cn.studyflow.assessment.StudyPeriod;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The assessment's material indicator: materials archived (cleared) by their deadline before the session. */
@Component
@RequiredArgsConstructor
class MaterialIndicators implements IndicatorSource {

    private final MaterialMapper materials;

    @Override
    public Set<Indicator> indicators() {
        return Set.of(Indicator.MATERIALS_CLEARED);
    }

    @Override
    public void addTo(Sink sink, StudyPeriod period) {
        materials.selectPeriodCleared(period).forEach(r -> sink.add(r.getOrgId(), Indicator.MATERIALS_CLEARED,
            r.getN(), r.getM()));
    }
}
