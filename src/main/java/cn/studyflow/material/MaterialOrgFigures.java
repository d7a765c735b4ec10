package cn.studyflow.material;

import cn.studyflow.status.OrgFiguresSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The status dashboard's waiting column: materials at each step of their review, from the journal. */
@Component
class MaterialOrgFigures implements OrgFiguresSource {

    @Override
    public Optional<String> waitingProcess() {
        return Optional.of(MaterialReviewProcess.KEY);
    }
}
