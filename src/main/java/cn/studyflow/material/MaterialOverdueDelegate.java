package cn.studyflow.material;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the leaders that a material missed its deadline (the overdue timer fired). */
@Component
class MaterialOverdueDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(MaterialOverdueDelegate.class);

    private final MaterialCallbacks callbacks;

    MaterialOverdueDelegate(MaterialCallbacks callbacks) {
        super(MaterialReviewProcess.VAR_MATERIAL_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long materialId, DelegateExecution execution) {
        log.info("Deadline passed for material {}", execution.getBusinessKey());
        callbacks.escalate(materialId);
    }
}
