package cn.studyflow.material;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the leaders that a material missed its deadline (the overdue timer fired). */
@Component
class MaterialOverdueDelegate extends MaterialDelegate {

    private static final Logger log = LoggerFactory.getLogger(MaterialOverdueDelegate.class);

    MaterialOverdueDelegate(MaterialCallbacks callbacks) {
        super(callbacks);
    }

    @Override
    void run(long materialId, DelegateExecution execution) {
        log.info("Deadline passed for material {}", execution.getBusinessKey());
        callbacks.escalate(materialId);
    }
}
