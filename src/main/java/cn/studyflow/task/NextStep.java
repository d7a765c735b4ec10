package cn.studyflow.task;

import cn.studyflow.org.Role;
import java.util.List;

/**
 * A step still ahead of an instance on its approval path, and who will hold it: for each candidate group the
 * organisation, the role and the people holding it now. {@code unresolved} when the model names holders by an
 * expression StudyFlow cannot work out before the step is reached.
 */
public record NextStep(String step, String name, List<Holders> holders, boolean unresolved) {

    /** The people of one candidate group (org and role), or named people ({@code orgName} and {@code role} null). */
    public record Holders(String orgName, Role role, List<String> people) {
    }
}
