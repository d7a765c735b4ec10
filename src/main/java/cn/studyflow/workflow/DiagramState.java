package cn.studyflow.workflow;

import java.util.List;

/** A process diagram with the steps an instance has passed and the ones it is waiting at. */
public record DiagramState(String xml, List<String> current, List<String> completed) {
}
