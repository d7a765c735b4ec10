package cn.studyflow.leave;

import cn.studyflow.workflow.IdDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of leave-request.bpmn, each a bean named as its delegate expression; each only calls
 * LeaveCallbacks.
 */
@Configuration(proxyBeanMethods = false)
class LeaveDelegates {

    /** Marks the person on leave once the leader or the deputy approved. */
    @Bean
    IdDelegate grantLeaveDelegate(LeaveCallbacks callbacks) {
        return IdDelegate.calling(LeaveRequestProcess.VAR_LEAVE_ID, "Granting leave {}", callbacks::grant);
    }

    /** Reminds whoever holds an undecided leave request that the session is near (the reminder timer fired). */
    @Bean
    IdDelegate leaveReminderDelegate(LeaveCallbacks callbacks) {
        return IdDelegate.calling(LeaveRequestProcess.VAR_LEAVE_ID, "Reminder for leave {}", callbacks::remind);
    }

    /** Lapses a leave request still undecided when the session starts (the start timer fired). */
    @Bean
    IdDelegate lapseLeaveDelegate(LeaveCallbacks callbacks) {
        return IdDelegate.calling(LeaveRequestProcess.VAR_LEAVE_ID, "Lapsing leave {}", callbacks::lapse);
    }
}
