package cn.studyflow.modeler;

import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with a diagram: the element it concerns (null for the file as a whole), whether it blocks
 * deployment, and a message key of the modeler bundle with its arguments.
 */
record BpmnProblem(String elementId, Severity severity, String code, List<String> args) {

    enum Severity { ERROR, WARNING }

    static BpmnProblem error(String elementId, String code, Object... args) {
        return new BpmnProblem(elementId, Severity.ERROR, code, strings(args));
    }

    static BpmnProblem warning(String elementId, String code, Object... args) {
        return new BpmnProblem(elementId, Severity.WARNING, code, strings(args));
    }

    boolean isError() {
        return severity == Severity.ERROR;
    }

    private static List<String> strings(Object[] args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }
}
