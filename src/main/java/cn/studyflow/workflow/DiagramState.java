package cn.studyflow.workflow;

import java.util.List;
import java.util.Map;

/**
 * A process diagram with the steps an instance has passed and the ones it is waiting at. {@code counts}
 * gives how often a step ran when it ran more than once; {@code classes} marks steps with extra CSS
 * classes, e.g. {@code sf-taken-back} for a step that was taken back by a withdrawal or a return to an
 * earlier step.
 */
public record DiagramState(String xml, List<String> current, List<String> completed, Map<String, Integer> counts,
                           Map<String, String> classes) {

    public DiagramState(String xml, List<String> current, List<String> completed) {
        this(xml, current, completed, Map.of(), Map.of());
    }
}
