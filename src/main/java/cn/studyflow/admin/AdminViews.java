package cn.studyflow.admin;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Person;
import java.util.List;

/** The JSON shapes of the administration API: never a password hash. */
final class AdminViews {

    private AdminViews() {
    }

    record OrgView(long id, String code, String name, OrgKind kind, Long parentId, String path, boolean active) {

        static OrgView of(Org o) {
            return new OrgView(o.getId(), o.getCode(), o.getName(), o.getKind(), o.getParentId(), o.getPath(),
                o.isActive());
        }
    }

    record PersonView(long id, String username, String displayName, long orgId, String phone, List<String> roles,
                      boolean enabled, boolean locked, boolean mustChangePassword, CadreRank cadreRank) {

        static PersonView of(Person p, boolean locked) {
            return new PersonView(p.getId(), p.getUsername(), p.getDisplayName(), p.getOrgId(), p.getPhone(),
                p.getRoles().stream().map(Enum::name).sorted().toList(), p.isEnabled(),
                locked,
                p.isMustChangePassword(), p.getCadreRank());
        }
    }

    record OrgRequest(Long parentId, String code, String name, OrgKind kind) {
    }

    record MoveRequest(Long parentId) {
    }

    record PersonRequest(String username, String displayName, Long orgId, String phone, List<String> roles,
                         String password, CadreRank cadreRank) {
    }

    record RolesRequest(List<String> roles) {
    }

    record PasswordRequest(String password) {
    }

    record DeactivateRequest(Long successorId) {
    }
}
