package cn.studyflow.material;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reminds whoever holds a material that its deadline is near (the reminder timer fired). */
@Component
class MaterialReminderDelegate extends MaterialDelegate {

    private static final Logger log = LoggerFactory.getLogger(MaterialReminderDelegate.class);

    MaterialReminderDelegate(MaterialCallbacks callbacks) {
        super(callbacks);
    }

    @Override
    void run(long materialId, DelegateExecution execution) {
        log.info("Deadline reminder for material {}", execution.getBusinessKey());
        callbacks.remind(materialId);
    }
}
