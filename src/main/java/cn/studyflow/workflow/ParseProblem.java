package cn.studyflow.workflow;

/** An error the engine's BPMN parser reports for a diagram, with the element it concerns where known. */
public record ParseProblem(String elementId, String message, int line, int column) {
}
