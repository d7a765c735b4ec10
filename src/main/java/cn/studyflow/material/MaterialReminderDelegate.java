package cn.studyflow.material;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds whoever holds a material that its deadline is near (the reminder timer fired). */
@Component
class MaterialReminderDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(MaterialReminderDelegate.class);

    private final MaterialCallbacks callbacks;

    MaterialReminderDelegate(MaterialCallbacks callbacks) {
        super(MaterialReviewProcess.VAR_MATERIAL_ID);
        this.callbacks = callbacks;
    }

    @Override
    protected void run(long materialId, DelegateExecution execution) {
        log.info("Deadline reminder for material {}", execution.getBusinessKey());
        callbacks.remind(materialId);
    }
}
