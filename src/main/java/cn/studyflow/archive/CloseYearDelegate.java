package cn.studyflow.archive;

import cn.studyflow.workflow.IdDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes the year once the leader approved the secretary's request. */
@Component(YearArchiveClosingProcess.DELEGATE_CLOSE)
class CloseYearDelegate extends IdDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseYearDelegate.class);

    private final YearClosings closings;

    CloseYearDelegate(YearClosings closings) {
        super(YearArchiveClosingProcess.VAR_CLOSING_ID);
        this.closings = closings;
    }

    @Override
    protected void run(long closingId, DelegateExecution execution) {
        log.info("Closing the year of {}", execution.getBusinessKey());
        closings.close(closingId);
    }
}
