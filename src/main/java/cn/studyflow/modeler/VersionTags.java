package cn.studyflow.modeler;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version tags proposed for the next deployment of a process, from the tag of its latest deployed version:
 * the next patch, minor and major version ({@code 1.0.0} gives {@code 1.0.1}, {@code 1.1.0}, {@code 2.0.0}). A tag
 * with fewer parts counts the missing ones as 0 and a leading {@code v} is kept; a tag that is no version number
 * proposes nothing, and the administrator types one (the validator requires a tag either way).
 */
final class VersionTags {

    private static final Pattern VERSION = Pattern.compile("(v?)(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?");
    static final String FIRST = "1.0.0";

    private VersionTags() {
    }

    static List<String> next(String latestTag) {
        if (latestTag == null || latestTag.isBlank()) {
            return List.of(FIRST);
        }
        Matcher m = VERSION.matcher(latestTag.strip());
        if (!m.matches()) {
            return List.of();
        }
        String prefix = m.group(1);
        long major = Long.parseLong(m.group(2));
        long minor = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        long patch = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        return List.of(
            prefix + major + "." + minor + "." + (patch + 1),
            prefix + major + "." + (minor + 1) + ".0",
            prefix + (major + 1) + ".0.0");
    }
}
