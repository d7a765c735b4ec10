package cn.studyflow.material;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Archives a material once the leader has signed it off. */
@Component
class ArchiveMaterialDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ArchiveMaterialDelegate.class);

    private final MaterialCallbacks callbacks;

    ArchiveMaterialDelegate(MaterialCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long materialId = ((Number) execution.getVariable(MaterialReviewProcess.VAR_MATERIAL_ID)).longValue();
        log.info("Archiving material {}", execution.getBusinessKey());
        callbacks.archive(materialId);
    }
}
