package cn.studyflow.modeler;

import cn.studyflow.common.BusinessException;
import org.springframework.http.HttpStatus;

/** A diagram failed validation and was not deployed; carries every problem found. */
class BpmnRejectedException extends BusinessException {

    private final transient ValidationReport report;

    BpmnRejectedException(ValidationReport report) {
        super(HttpStatus.BAD_REQUEST, "modeler.error.rejected", report.errors().size());
        this.report = report;
    }

    ValidationReport report() {
        return report;
    }
}
