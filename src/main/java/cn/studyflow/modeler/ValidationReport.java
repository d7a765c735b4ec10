package cn.studyflow.modeler;

import java.util.List;

/** What {@link BpmnValidator} found in a diagram; a diagram may be deployed when there is no error. */
record ValidationReport(List<BpmnProblem> problems) {

    boolean isValid() {
        return problems.stream().noneMatch(BpmnProblem::isError);
    }

    List<BpmnProblem> errors() {
        return problems.stream().filter(BpmnProblem::isError).toList();
    }
}
