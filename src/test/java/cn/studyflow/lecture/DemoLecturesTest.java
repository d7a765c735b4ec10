package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.studyflow.material.ReviewedScripts;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Roster;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.StudyGroup;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.TaskFilter;
import cn.studyflow.workflow.TaskInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's selections: last year's campaign finished from town to county to city with its results and library, and
 * 青州市委's round scoring with a judge's task in the tasklist; each made once.
 */
class DemoLecturesTest extends IntegrationTest {

    @Autowired DemoLectures demo;
    @Autowired LectureRounds rounds;
    @Autowired LectureScoring scoring;
    @Autowired TasklistService tasks;
    @Autowired DemoFinishedCampaign finished;
    @Autowired LectureEntries entries;
    @Autowired LectureLibrary library;
    @Autowired TeacherPool teachers;
    @Autowired ReviewedScripts scripts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Roster roster;

    @Test
    void lastYearsCampaignWentFromTownToCountyToCityAndNamedTwoLecturesOutstandingOnce() {
        for (String author : List.of("bq_member", "wfz_member")) {
            CurrentUser a = user(author);
            new StudyGroup.Sessions(jdbc, roster, a.getOrgId()).inDays(10, a);
        }

        Optional<Campaign> made = finished.make();

        assertThat(made).isPresent();
        assertThat(finished.make()).as("made once").isEmpty();
        Campaign c = made.get();
        assertThat(c.getStudyYear()).isEqualTo(LocalDate.now(StudyGroup.ZONE).getYear() - 1);
        assertThat(rounds.rounds(c.getId())).extracting(LectureRound::getOrgName, LectureRound::getLevelNo,
                LectureRound::getStatus)
            .containsExactlyInAnyOrder(tuple("卞桥镇党委", 0, RoundStatus.FINISHED), tuple("王坟镇党委", 0, RoundStatus.FINISHED),
                tuple("青州市委", 1, RoundStatus.FINISHED), tuple("潍坊市委", 2, RoundStatus.FINISHED));
        assertThat(rounds.rounds(c.getId())).allSatisfy(r -> assertThat(rounds.currentSteps(r)).as("nothing waiting").isEmpty());

        LectureLibrary.Results results = library.results(c);
        assertThat(results.lectures()).extracting(LectureEntry::getTitle)
            .containsExactlyInAnyOrder(DemoFinishedCampaign.TOWN_LECTURE, DemoFinishedCampaign.TOWN2_LECTURE);
        assertThat(results.lecturers()).containsExactlyInAnyOrder(user("bq_member").getDisplayName(),
            user("wfz_member").getDisplayName());
        assertThat(results.units()).containsExactlyInAnyOrder("卞桥镇党委", "王坟镇党委");
        for (LectureEntry e : results.lectures()) {
            assertThat(entries.roundsOf(e)).extracting(RoundEntry::getLevelNo).as("up one level at a time")
                .containsExactly(0, 1, 2);
            assertThat(scripts.script(e.getScriptMaterialId())).as("its script passed the review")
                .hasValueSatisfying(script -> assertThat(script.passed()).isTrue());
        }

        LibraryFilter filter = new LibraryFilter();
        filter.setYear(c.getStudyYear());
        assertThat(library.search(user("jy_member"), filter)).extracting(LectureEntry::getTitle)
            .as("the library of the city's subtree: those named, not the one that stayed at its town")
            .contains(DemoFinishedCampaign.TOWN_LECTURE, DemoFinishedCampaign.TOWN2_LECTURE)
            .doesNotContain(DemoFinishedCampaign.STAYED);
        assertThat(teachers.readable(user("jy_member"))).extracting(Teacher::getPersonId)
            .contains(user("bq_member").getPersonId(), user("wfz_member").getPersonId());
    }

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
