package cn.studyflow.material;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Archives a material once the leader has signed it off. */
@Component
class ArchiveMaterialDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(ArchiveMaterialDelegate.class);

    private final MaterialCallbacks callbacks;

    ArchiveMaterialDelegate(MaterialCallbacks callbacks) {
        super(MaterialReviewProcess.VAR_MATERIAL_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long materialId, DelegateExecution execution) {
        log.info("Archiving material {}", execution.getBusinessKey());
        callbacks.archive(materialId);
    }
}
