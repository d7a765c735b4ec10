package cn.studyflow.material;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds whoever holds a material that its deadline is near (the reminder timer fired). */
@Component
class MaterialReminderDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(MaterialReminderDelegate.class);

    private final MaterialCallbacks callbacks;

    MaterialReminderDelegate(MaterialCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long materialId = ((Number) execution.getVariable(MaterialReviewProcess.VAR_MATERIAL_ID)).longValue();
        log.info("Deadline reminder for material {}", execution.getBusinessKey());
        callbacks.remind(materialId);
    }
}
