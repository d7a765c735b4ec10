package cn.studyflow.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's candidate group for the holders of one role in one organisation, written
 * {@code org:{orgId}:{role}} with the role in lower case, e.g. {@code org:12:publicity}. Processes compute
 * these from business data; a person holds one per role in their organisation.
 */
public record CandidateGroup(long orgId, String role) {

    private static final Pattern FORM = Pattern.compile("org:(\\d{1,18}):([a-z]+)");

    public CandidateGroup {
        role = role.toLowerCase(Locale.ROOT);
    }

    public static CandidateGroup of(long orgId, String role) {
        return new CandidateGroup(orgId, role);
    }

    /** The group a text stands for, or empty for anything else (a user name, another product's group). */
    public static Optional<CandidateGroup> parse(String group) {
        Matcher m = group == null ? null : FORM.matcher(group);
        return m != null && m.matches()
            ? Optional.of(new CandidateGroup(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "org:" + orgId + ":" + role;
    }
}
