package cn.studyflow.material;

import cn.studyflow.workflow.IdDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of material-review.bpmn, each a bean named as its delegate expression; each only calls
 * MaterialCallbacks.
 */
@Configuration(proxyBeanMethods = false)
class MaterialDelegates {

    /** Archives a material once the leader has signed it off. */
    @Bean
    IdDelegate archiveMaterialDelegate(MaterialCallbacks callbacks) {
        return IdDelegate.calling(MaterialReviewProcess.VAR_MATERIAL_ID, "Archiving material {}", callbacks::archive);
    }

    /** Reminds whoever holds a material that its deadline is near (the reminder timer fired). */
    @Bean
    IdDelegate materialReminderDelegate(MaterialCallbacks callbacks) {
        return IdDelegate.calling(MaterialReviewProcess.VAR_MATERIAL_ID, "Deadline reminder for material {}",
            callbacks::remind);
    }

    /** Tells the leaders that a material missed its deadline (the overdue timer fired). */
    @Bean
    IdDelegate materialOverdueDelegate(MaterialCallbacks callbacks) {
        return IdDelegate.calling(MaterialReviewProcess.VAR_MATERIAL_ID, "Deadline passed for material {}",
            callbacks::escalate);
    }
}
