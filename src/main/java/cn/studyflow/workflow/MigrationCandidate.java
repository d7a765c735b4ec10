package cn.studyflow.workflow;

import java.util.List;

/**
 * A running instance of an older process version and whether it can move to a newer one: it can when every
 * activity it is in also exists in the newer version ({@code unmapped} is empty) and the migration plan is
 * valid ({@code planError} is null).
 */
public record MigrationCandidate(
    String processInstanceId,
    String businessKey,
    String title,
    List<Activity> active,
    List<Activity> unmapped,
    String planError) {

    public boolean canMigrate() {
        return unmapped.isEmpty() && planError == null;
    }

    /** An activity an instance is in, with the name the diagram gives it. */
    public record Activity(String id, String name) {

        public String label() {
            return name == null || name.isBlank() ? id : name;
        }
    }
}
