package cn.studyflow.admin;

import java.io.Serializable;
import java.util.List;

/**
 * What an import did or, in a dry run, would do, row by row. Nothing is written unless every row passes, so
 * {@code applied} is false whenever a row is refused.
 */
public record ImportReport(List<Line> lines, boolean dryRun, boolean applied) implements Serializable {

    public enum Outcome { CREATE, UPDATE, UNCHANGED, REFUSE }

    /** One row: its outcome, and for a refusal the reason as a message key with its argument. */
    public record Line(int row, String orgPath, String name, String username, String phone, String roles, Outcome outcome,
                String reasonKey, String reasonArg, String changes) implements Serializable {
    }

    long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    public long created() {
        return count(Outcome.CREATE);
    }

    public long updated() {
        return count(Outcome.UPDATE);
    }

    public long unchanged() {
        return count(Outcome.UNCHANGED);
    }

    public long refused() {
        return count(Outcome.REFUSE);
    }

    boolean hasRefusals() {
        return count(Outcome.REFUSE) > 0;
    }
}
