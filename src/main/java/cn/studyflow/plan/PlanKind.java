package cn.studyflow.plan;

import lombok.RequiredArgsConstructor;

@RequiredArgsConstructor
public enum PlanKind {
    /** 年度学习计划: publicity review, leader approval, registration by the superior's dept. */
    ANNUAL(PlanApprovalProcess.KEY),
    /** 月度补充计划: leader approval only. */
    SUPPLEMENTARY(PlanApprovalProcess.SUPPLEMENTARY_KEY);

    private final String processKey;

    public String processKey() {
        return processKey;
    }
}
