package cn.studyflow.plan;

import cn.studyflow.status.OrgFigures;
import cn.studyflow.status.OrgFiguresSource;
import cn.studyflow.status.StatusScope;
import java.time.LocalDate;
import java.util.function.LongFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The status dashboard's plan column: the state of each organisation's annual plan of the year and the next. */
@Component
@RequiredArgsConstructor
class PlanOrgFigures implements OrgFiguresSource {

    private final PlanMapper plans;

    @Override
    public void addTo(LongFunction<OrgFigures> row, StatusScope scope, int year, LocalDate today) {
        plans.selectOrgFigures(scope, year).forEach(r -> row.apply(r.getOrgId()).setPlanStatus(r.getN() == year,
            r.getCode()));
    }
}
