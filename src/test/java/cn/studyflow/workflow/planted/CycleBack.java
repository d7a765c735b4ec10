package cn.studyflow.workflow.planted;

import cn.studyflow.notify.planted.CycleStart;

/** A violation planted for BoundariesBiteTest: the way back of a cycle. */
public class CycleBack {

    public CycleStart back() {
        return new CycleStart();
    }
}
