package cn.studyflow.org;

import cn.studyflow.common.CandidateGroup;
import java.util.Arrays;
import java.util.Optional;

/** The roles of SPEC.md a person may hold in their organisation. */
public enum Role {
    LEADER, DEPUTY, SECRETARY, PUBLICITY, OFFICE, MEMBER, AUDITOR, DEPT, MANAGER, ADMIN,
    /** 组织管理员: manages the people and roles of their own organisation's subtree. */
    ORG_ADMIN;

    /** Roles whose holders also see the work of the organisations below their own. */
    public boolean seesSubtree() {
        return this == DEPT || this == MANAGER || this == AUDITOR || this == ADMIN;
    }

    /** The engine's candidate group for this role in one organisation, e.g. {@code org:12:publicity}. */
    public String group(long orgId) {
        return CandidateGroup.of(orgId, name()).toString();
    }

    /** The role a candidate group names, or empty when it names none of these. */
    public static Optional<Role> of(CandidateGroup group) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(group.role())).findFirst();
    }
}
