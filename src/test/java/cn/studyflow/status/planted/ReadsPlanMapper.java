package cn.studyflow.status.planted;

import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanMapper;

/** A violation planted for BoundariesBiteTest: status reading the plans' table through their mapper. */
public class ReadsPlanMapper {

    public Plan plan(PlanMapper plans) {
        return plans.selectById(1);
    }
}
