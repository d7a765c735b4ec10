package cn.studyflow.makeup;

import cn.studyflow.workflow.IdDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of makeup-study.bpmn, each a bean named as its delegate expression; each only calls
 * MakeupCallbacks.
 */
@Configuration(proxyBeanMethods = false)
class MakeupDelegates {

    /** Marks the roster "made up" once the secretary accepted. */
    @Bean
    IdDelegate acceptMakeupDelegate(MakeupCallbacks callbacks) {
        return IdDelegate.calling(MakeupStudyProcess.VAR_MAKEUP_ID, "Accepting make-up {}", callbacks::accept);
    }

    /** Reminds the member that the make-up is due soon (the reminder timer fired). */
    @Bean
    IdDelegate makeupReminderDelegate(MakeupCallbacks callbacks) {
        return IdDelegate.calling(MakeupStudyProcess.VAR_MAKEUP_ID, "Due reminder for make-up {}", callbacks::remind);
    }

    /** Tells the leaders that a make-up is overdue (the due timer fired); the leader's waiver step follows. */
    @Bean
    IdDelegate makeupOverdueDelegate(MakeupCallbacks callbacks) {
        return IdDelegate.calling(MakeupStudyProcess.VAR_MAKEUP_ID, "Make-up {} overdue", callbacks::overdue);
    }

    /** Ends a make-up the leader waived. */
    @Bean
    IdDelegate waiveMakeupDelegate(MakeupCallbacks callbacks) {
        return IdDelegate.calling(MakeupStudyProcess.VAR_MAKEUP_ID, "Waiving make-up {}", callbacks::waived);
    }
}
