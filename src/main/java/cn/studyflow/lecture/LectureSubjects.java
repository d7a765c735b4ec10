package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shows rounds on task and status pages. No step of a round is decided on the generic form: the task page links
 * to the round's page, where the organiser closes the collection, orders ties and sends up, and each judge scores.
 */
@Component
class LectureSubjects extends SubjectSupport<LectureRound> {

    private final LectureRounds rounds;

    LectureSubjects(LectureRounds rounds, LectureMapper mapper) {
        super(LectureSelectionProcess.SUBJECT, mapper::selectRound, LectureRound::getOrgId, mapper::selectJournalOwners);
        this.rounds = rounds;
    }

    @Override
    protected boolean canSee(LectureRound r, CurrentUser user) {
        return rounds.canSee(r, user);
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        return Map.of("round", rounds.get(id, user));
    }

    @Override
    public String form(TaskInfo task) {
        return "lecture/fragments :: roundStep";
    }

    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        throw BusinessException.invalid("task.notDecidedHere");
    }
}
