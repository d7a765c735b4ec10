package cn.studyflow.admin;

import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Role names as administrators, the API and files give them: the enum's name in any case, or the role's label in
 * Chinese or English (学习秘书, Study secretary), as the bundles spell them.
 */
@Component
class Roles extends EnumLabels<Role> {

    Roles(MessageSource messages) {
        super(Role.class, "role.", messages);
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

    /**
     * A role by its name or label, underscores read as spaces first ({@code study_secretary}), then as written
     * ({@code org_admin}).
     */
    @Override
    Optional<Role> find(String name) {
        String key = key(name);
        return byKey(key.replace('_', ' ')).or(() -> byKey(key));
    }
}
