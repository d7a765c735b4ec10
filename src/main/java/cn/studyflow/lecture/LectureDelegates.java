package cn.studyflow.lecture;

import cn.studyflow.workflow.IdDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of party-lecture-selection.bpmn, each a bean named as its delegate expression; each only
 * calls {@link RoundCallbacks} and hands the process what it decides on.
 */
@Configuration(proxyBeanMethods = false)
class LectureDelegates {

    private static final Logger log = LoggerFactory.getLogger(LectureDelegates.class);

    /** Closes the collection: the judges who score, and how many entries there are. */
    @Bean
    IdDelegate openLectureScoringDelegate(RoundCallbacks callbacks) {
        return IdDelegate.calling(LectureSelectionProcess.VAR_ROUND_ID, (id, execution) -> {
            RoundCallbacks.Opened opened = callbacks.open(id);
            log.info("Round {}: {} entries, {} judges", execution.businessKey(), opened.entryCount(), opened.judges().size());
            execution.setTransient(LectureSelectionProcess.VAR_JUDGES, opened.judges());
            execution.set(LectureSelectionProcess.VAR_ENTRY_COUNT, opened.entryCount());
        });
    }

    /** Reminds the judges who have not finished (the reminder timer fired). */
    @Bean
    IdDelegate lectureJudgesReminderDelegate(RoundCallbacks callbacks) {
        return IdDelegate.calling(LectureSelectionProcess.VAR_ROUND_ID, "Reminding the judges of round {}",
            (id, execution) -> callbacks.remind(id));
    }

    /** Closes the scoring: absent scores recorded, ranking kept, ties at the cut-off found. */
    @Bean
    IdDelegate closeLectureScoringDelegate(RoundCallbacks callbacks) {
        return IdDelegate.calling(LectureSelectionProcess.VAR_ROUND_ID, (id, execution) -> {
            boolean tied = callbacks.close(id);
            log.info("Round {} closed, tie at the cut-off: {}", execution.businessKey(), tied);
            execution.set(LectureSelectionProcess.VAR_TIED, tied);
        });
    }
}
