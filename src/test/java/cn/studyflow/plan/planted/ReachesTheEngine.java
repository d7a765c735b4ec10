package cn.studyflow.plan.planted;

import cn.studyflow.system.Links;
import org.camunda.bpm.engine.TaskService;

/** A violation planted for BoundariesBiteTest: a feature that calls the engine and leans on the shell. */
public class ReachesTheEngine {

    public void complete(TaskService tasks, Links links) {
        tasks.complete(links.with("page", 1));
    }
}
