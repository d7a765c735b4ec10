package cn.studyflow.material;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Archives a material once the leader has signed it off. */
@Component
class ArchiveMaterialDelegate extends MaterialDelegate {

    private static final Logger log = LoggerFactory.getLogger(ArchiveMaterialDelegate.class);

    ArchiveMaterialDelegate(MaterialCallbacks callbacks) {
        super(callbacks);
    }

    @Override
    void run(long materialId, DelegateExecution execution) {
        log.info("Archiving material {}", execution.getBusinessKey());
        callbacks.archive(materialId);
    }
}
