package cn.studyflow.support;

import cn.studyflow.material.MaterialReviewProcess;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanApprovalProcess;
import java.util.List;
import java.util.Locale;

/**
 * The demo organisations and people that {@code org/DemoData} loads, as tests know them: the one place for
 * the tree, the usernames, the password and who decides each step. Tests, fixtures, the cluster driver and the
 * benchmarks ask here instead of keeping a copy of their own.
 */
public final class DemoCast {

    /** The password of every demo account. */
    public static final String PASSWORD = "demo1234";

    /** The system administrator (of 潍坊市委). */
    public static final String ADMIN = "admin";

    /** The second member of 卞桥镇党委, so that a group of members is a group. */
    public static final String BQ_MEMBER2 = "bq_member2";

    /** The five demo organisations; each has one person per {@link Role}, named {@code <code>_<role>}. */
    public enum DemoOrg {
        WF("wf", "潍坊市委", null),
        QZ("qz", "青州市委", WF),
        BQ("bq", "卞桥镇党委", QZ),
        WFZ("wfz", "王坟镇党委", QZ),
        JY("jy", "青州市教育局党组", QZ);

        private final String code;
        private final String name;
        private final DemoOrg parent;

        DemoOrg(String code, String name, DemoOrg parent) {
            this.code = code;
            this.name = name;
            this.parent = parent;
        }

        public String code() {
            return code;
        }

        public String displayName() {
            return name;
        }

        /** The organisation whose dept registers this one's annual plan: the parent, or itself at the top. */
        public DemoOrg registrar() {
            return parent == null ? this : parent;
        }

        /** The demo person holding {@code role} here, e.g. {@code bq_secretary}. */
        public String username(Role role) {
            return code + "_" + role.name().toLowerCase(Locale.ROOT);
        }

        /** Who decides {@code step} of this organisation's annual or supplementary plan. */
        public String planDecider(String step) {
            return switch (step) {
                case PlanApprovalProcess.TASK_DRAFT -> username(Role.SECRETARY);
                case PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY -> username(Role.PUBLICITY);
                case PlanApprovalProcess.TASK_APPROVE_BY_LEADER -> username(Role.LEADER);
                case PlanApprovalProcess.TASK_REGISTER_BY_DEPT -> registrar().username(Role.DEPT);
                default -> throw new IllegalArgumentException("No plan step " + step);
            };
        }

        /** Who approves an annual plan after its secretary submits it, in order. */
        public List<String> planApprovers() {
            return List.of(planDecider(PlanApprovalProcess.TASK_REVIEW_BY_PUBLICITY),
                planDecider(PlanApprovalProcess.TASK_APPROVE_BY_LEADER),
                planDecider(PlanApprovalProcess.TASK_REGISTER_BY_DEPT));
        }

        /** Who decides {@code step} of a material of this organisation (its member writes them). */
        public String materialDecider(String step) {
            return switch (step) {
                case MaterialReviewProcess.TASK_SUBMIT -> username(Role.MEMBER);
                case MaterialReviewProcess.TASK_FIRST_REVIEW -> username(Role.OFFICE);
                case MaterialReviewProcess.TASK_SECOND_REVIEW -> username(Role.PUBLICITY);
                case MaterialReviewProcess.TASK_SIGN_OFF -> username(Role.LEADER);
                default -> throw new IllegalArgumentException("No material step " + step);
            };
        }

        public static DemoOrg of(String code) {
            for (DemoOrg org : values()) {
                if (org.code.equals(code)) {
                    return org;
                }
            }
            throw new IllegalArgumentException("No demo organisation " + code);
        }
    }

    private DemoCast() {
    }
}
