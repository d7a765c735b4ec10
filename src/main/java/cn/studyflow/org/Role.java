package cn.studyflow.org;

import java.util.Locale;

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
        return "org:" + orgId + ":" + name().toLowerCase(Locale.ROOT);
    }
}
