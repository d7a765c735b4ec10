package cn.studyflow.admin;

import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Role names as administrators, the API and files give them: the enum's name in any case, or the role's label in
 * Chinese or English (学习秘书, Study secretary), as the bundles spell them.
 */
@Component
class Roles {

    private final Map<String, Role> byName = new HashMap<>();
    private final MessageSource messages;

    Roles(MessageSource messages) {
        this.messages = messages;
        for (Role role : Role.values()) {
            byName.put(role.name().toLowerCase(Locale.ROOT), role);
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                String label = messages.getMessage("role." + role.name(), null, null, locale);
                if (label != null) {
                    byName.putIfAbsent(label.trim().toLowerCase(Locale.ROOT), role);
                }
            }
        }
    }

    /** The roles named; 400 naming the first unknown one. */
    Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                roles.add(find(name).orElseThrow(() -> BusinessException.invalid("admin.role.unknown", name.trim())));
            }
        }
        return roles;
    }

    Optional<Role> find(String name) {
        return Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT).replace('_', ' ')))
            .or(() -> Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT))));
    }

    /** The Chinese label of a role, as the import template and the export write it. */
    String chinese(Role role) {
        return messages.getMessage("role." + role.name(), null, role.name(), Locale.SIMPLIFIED_CHINESE);
    }
}
