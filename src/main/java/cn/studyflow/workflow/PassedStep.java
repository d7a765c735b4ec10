package cn.studyflow.workflow;

import java.time.OffsetDateTime;

/** A user task an instance has finished, from the engine's history, with who held it when it finished. */
public record PassedStep(String step, String name, String assignee, OffsetDateTime started, OffsetDateTime ended) {
}
