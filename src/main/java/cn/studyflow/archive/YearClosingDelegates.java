package cn.studyflow.archive;

import cn.studyflow.workflow.IdDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of year-archive-closing.bpmn, a bean named as its delegate expression. */
@Configuration(proxyBeanMethods = false)
class YearClosingDelegates {

    /** Closes the year once the leader approved the secretary's request. */
    @Bean(YearArchiveClosingProcess.DELEGATE_CLOSE)
    IdDelegate closeYearDelegate(YearClosings closings) {
        return IdDelegate.calling(YearArchiveClosingProcess.VAR_CLOSING_ID, "Closing the year of {}", closings::close);
    }
}
