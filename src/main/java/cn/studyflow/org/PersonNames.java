package cn.studyflow.org;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * People as pages show them: by their display name, never their login; where two people share a name, with
 * their roles and organisation ({@code 王建国（组长 · 卞桥镇党委）}). Pages call it as {@code ${@people.name(username)}}
 * and {@code ${@people.byId(personId)}}; within one request each person and each name is read once.
 */
@Component("people")
@RequiredArgsConstructor
public class PersonNames {

    private static final String CACHE = PersonNames.class.getName() + ".cache";

    private final PersonMapper people;
    private final OrgService orgs;
    private final MessageSource messages;

    /** The name of the person with this login; an unknown login (nobody has it any more) is shown as it is. */
    public String name(String username) {
        if (username == null) {
            return null;
        }
        return cached("u:" + username, () -> {
            Person p = people.selectByUsername(username);
            return p == null ? username : label(p);
        });
    }

    /** The name of the person with this id, or null when there is no such person. */
    public String byId(Long personId) {
        if (personId == null) {
            return null;
        }
        return cached("i:" + personId, () -> {
            Person p = people.selectById(personId);
            return p == null ? null : label(p);
        });
    }

    /**
     * Reads the people of a list in two queries (the people with their roles, and which of their names others share)
     * so that naming them one by one afterwards costs nothing; outside a request it does nothing.
     */
    public void preload(Collection<String> usernames) {
        Map<String, String> cache = cache();
        if (cache == null) {
            return;
        }
        Set<String> missing = usernames.stream().filter(u -> u != null && !cache.containsKey("u:" + u))
            .collect(Collectors.toCollection(HashSet::new));
        if (missing.isEmpty()) {
            return;
        }
        List<Person> found = people.selectByUsernames(missing);
        Set<String> names = found.stream().map(Person::getDisplayName)
            .filter(n -> !cache.containsKey("n:" + n)).collect(Collectors.toSet());
        if (!names.isEmpty()) {
            Set<String> shared = new HashSet<>(people.selectSharedDisplayNames(names));
            names.forEach(n -> cache.put("n:" + n, shared.contains(n) ? "y" : "n"));
        }
        for (Person p : found) {
            cache.put("u:" + p.getUsername(), label(p));
            missing.remove(p.getUsername());
        }
        missing.forEach(u -> cache.put("u:" + u, u));
    }

    /** The person's display name, with roles and organisation when someone else goes by the same name. */
    public String label(Person person) {
        String name = person.getDisplayName();
        String shared = cached("n:" + name, () -> people.countByDisplayName(name) > 1 ? "y" : "n");
        if (!"y".equals(shared)) {
            return name;
        }
        // outside a request (a job's message, say) in the application's own language, as a page shows by default
        Locale locale = RequestContextHolder.getRequestAttributes() == null ? Locale.SIMPLIFIED_CHINESE
            : LocaleContextHolder.getLocale();
        String roles = person.getRoles().stream()
            .map(r -> messages.getMessage("role." + r.name(), null, r.name(), locale))
            .collect(Collectors.joining(messages.getMessage("people.roleSeparator", null, "、", locale)));
        String org = cached("o:" + person.getOrgId(), () -> orgs.get(person.getOrgId()).getName());
        return messages.getMessage("people.disambiguated", new Object[] {name, roles, org},
            name + " (" + roles + " · " + org + ")", locale);
    }

    /** A value read once a request (always again outside one, as in a scheduled job). */
    private static String cached(String key, Supplier<String> read) {
        Map<String, String> cache = cache();
        if (cache == null) {
            return read.get();
        }
        String value = cache.get(key);
        if (value == null && !cache.containsKey(key)) {
            value = read.get();
            cache.put(key, value);
        }
        return value;
    }

    /** This request's names, null outside a request. */
    private static Map<String, String> cache() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> cache = (Map<String, String>) request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new HashMap<>();
            request.setAttribute(CACHE, cache, RequestAttributes.SCOPE_REQUEST);
        }
        return cache;
    }
}
