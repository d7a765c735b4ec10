package cn.studyflow.notify.planted;

import cn.studyflow.workflow.planted.CycleBack;

/** A violation planted for BoundariesBiteTest: notify uses workflow, which uses notify. */
public class CycleStart {

    public CycleBack next() {
        return new CycleBack();
    }
}
