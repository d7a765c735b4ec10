package cn.studyflow.material;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the leaders that a material missed its deadline (the overdue timer fired). */
@Component
class MaterialOverdueDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(MaterialOverdueDelegate.class);

    private final MaterialCallbacks callbacks;

    MaterialOverdueDelegate(MaterialCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long materialId = ((Number) execution.getVariable(MaterialReviewProcess.VAR_MATERIAL_ID)).longValue();
        log.info("Deadline passed for material {}", execution.getBusinessKey());
        callbacks.escalate(materialId);
    }
}
