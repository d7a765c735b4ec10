package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's selection: 青州市委's round scoring, a judge's task in the tasklist, made once. */
class DemoLecturesTest extends IntegrationTest {

    @Autowired DemoLectures demo;
    @Autowired LectureRounds rounds;
    @Autowired LectureScoring scoring;
    @Autowired TasklistService tasks;

    @Test
    void aNewJudgeFindsTheirTaskAndScoresAnEntryAndTheDemoIsMadeOnce() {
        Optional<LectureRound> made = demo.make();
        assertThat(made).isPresent();
        assertThat(demo.make()).as("made once").isEmpty();

        CurrentUser judge = user("qz_auditor");
        LectureRound r = rounds.get(made.get().getId(), judge);
        assertThat(r.getStatus()).isEqualTo(RoundStatus.SCORING);
        assertThat(r.getOrgName()).isEqualTo("青州市委");
        List<TaskInfo> mine = tasks.list(judge, TaskFilter.View.MINE, LectureSelectionProcess.KEY, null, null,
            TaskFilter.Sort.CREATED, false, 0, 20).items();
        assertThat(mine).extracting(TaskInfo::step).contains(LectureSelectionProcess.TASK_SCORE);
        assertThat(rounds.entries(r.getId())).hasSize(3);

        long entryId = rounds.entries(r.getId()).get(0).getEntryId();
        scoring.score(r.getId(), entryId, judge, List.of(90, 85, 88));

        assertThat(scoring.own(r.getId(), judge)).containsKey(entryId);
    }
}
