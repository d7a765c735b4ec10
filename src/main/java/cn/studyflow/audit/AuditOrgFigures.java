package cn.studyflow.audit;

import cn.studyflow.status.OrgFigures;
import cn.studyflow.status.OrgFiguresSource;
import cn.studyflow.status.StatusScope;
import java.time.LocalDate;
import java.util.function.LongFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The status dashboard's audit columns: audits done, the average score and open rectifications per organisation. */
@Component
@RequiredArgsConstructor
class AuditOrgFigures implements OrgFiguresSource {

    private final AuditMapper audits;

    @Override
    public void addTo(LongFunction<OrgFigures> row, StatusScope scope, int year, LocalDate today) {
        audits.selectOrgFigures(scope, year).forEach(r -> row.apply(r.getOrgId()).setAudits(r.getN(), r.getAmount(),
            r.getM()));
    }
}
