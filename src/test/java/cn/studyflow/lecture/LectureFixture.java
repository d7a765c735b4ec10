package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.session.Roster;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.StudyGroup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lecture tests' base: a county of the test's own under 潍坊市委 with two towns, each with its publicity
 * department and members, a judge at the county, a campaign of the county (town → county, one sent up from each
 * level, criteria 内容 60 and 讲授 40), and a round at the first town waiting for entries.
 */
abstract class LectureFixture extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired Roster roster;
    @Autowired ManagementService management;
    @Autowired Campaigns campaigns;
    @Autowired LectureRounds rounds;
    @Autowired LectureEntries entries;
    @Autowired LectureScoring scoring;
    @Autowired LectureSendUp sendUp;
    @Autowired LectureLibrary library;
    @Autowired LectureMapper mapper;

    Org county;
    Org town;
    Org town2;
    CurrentUser countyDept;
    CurrentUser townDept;
    CurrentUser town2Dept;
    CurrentUser member;
    CurrentUser member2;
    CurrentUser town2Member;
    CurrentUser countyJudge;
    CurrentUser town2Judge;
    Campaign campaign;
    LectureRound townRound;

    @BeforeEach
    void makeCampaign() {
        county = newOrg("讲党课测试县委", OrgKind.COUNTY, orgService.byCode("wf"));
        town = newOrg("讲党课测试一镇", OrgKind.TOWN, county);
        town2 = newOrg("讲党课测试二镇", OrgKind.TOWN, county);
        countyDept = newPerson("lc_dept", county, Role.DEPT);
        townDept = newPerson("lt_dept", town, Role.DEPT);
        town2Dept = newPerson("lt2_dept", town2, Role.DEPT);
        member = newPerson("lt_member", town, Role.MEMBER);
        member2 = newPerson("lt_member2", town, Role.MEMBER);
        town2Member = newPerson("lt2_member", town2, Role.MEMBER);
        countyJudge = newPerson("lc_judge", county, Role.MEMBER);
        town2Judge = newPerson("lt2_judge", town2, Role.MEMBER);
        CampaignForm form = new CampaignForm();
        form.setTitle(unique("测试年度“我来讲党课”"));
        form.setYear(LocalDate.now(clock).getYear());
        form.setCategories("乡味党课\n车间党课");
        form.setTopics("乡村振兴");
        form.getLevels().add(new CampaignForm.LevelRow(OrgKind.TOWN, 1));
        form.getLevels().add(new CampaignForm.LevelRow(OrgKind.COUNTY, 1));
        form.getCriteria().add(new CampaignForm.CriterionRow("内容", 60));
        form.getCriteria().add(new CampaignForm.CriterionRow("讲授", 40));
        campaign = campaigns.create(countyDept, form);
        townRound = rounds.open(campaign.getId(), townDept, roundForm(0, countyJudge, town2Judge));
    }

    RoundForm roundForm(int level, CurrentUser... judges) {
        return roundForm(level, List.of(judges).stream().map(CurrentUser::getUsername).toList());
    }

    /** A round of {@code level} whose entries close in three days and scoring in ten. */
    static RoundForm roundForm(int level, List<String> judges) {
        RoundForm f = new RoundForm();
        f.setLevelNo(level);
        f.setEntriesCloseAt(LocalDateTime.now(StudyGroup.ZONE).plusDays(3));
        f.setDeadline(LocalDateTime.now(StudyGroup.ZONE).plusDays(10));
        f.setJudges(judges);
        return f;
    }

    EntryForm entryForm(String title) {
        EntryForm f = new EntryForm();
        f.setRoundId(townRound.getId());
        f.setTitle(title);
        f.setCategory("乡味党课");
        f.setTopic("乡村振兴");
        f.setHomeDate(LocalDate.now(StudyGroup.ZONE).minusDays(7));
        f.setHomeAudience("全体党员");
        return f;
    }

    LectureEntry enter(CurrentUser who, String title) {
        return entries.enter(who, entryForm(title), null, null);
    }

    /**
     * A lecture of {@code lecturer} walked through the campaign as people do it: entered at the first town, scored by
     * both judges above the round's other entries, its script passed, sent up, scored at the county and named outstanding there.
     */
    LectureEntry named(CurrentUser lecturer, String title) {
        LectureEntry e = enter(lecturer, title);
        LectureRound countyRound = rounds.open(campaign.getId(), countyDept, roundForm(1, countyJudge, town2Judge));
        for (LectureRound r : List.of(townRound, countyRound)) {
            rounds.closeCollection(r.getId(), r.getLevelNo() == 0 ? townDept : countyDept);
            for (RoundEntry in : rounds.entries(r.getId())) {
                List<Integer> scores = in.getEntryId().equals(e.getId()) ? List.of(90, 80) : List.of(60, 60);
                scoring.score(r.getId(), in.getEntryId(), countyJudge, scores);
                scoring.score(r.getId(), in.getEntryId(), town2Judge, scores);
            }
            if (r == townRound) {
                entries.attachScript(e.getId(), lecturer, script(lecturer, true));
            }
            sendUp.sendUp(r.getId(), r.getLevelNo() == 0 ? townDept : countyDept);
        }
        LectureEntry named = entries.get(e.getId(), lecturer);
        assertThat(named.isAwarded()).as("named outstanding").isTrue();
        return named;
    }

    /** A Party lecture script of the author in the material review, passed or still under review. */
    long script(CurrentUser author, boolean passed) {
        return script(jdbc, roster, author, passed);
    }

    /** The same for tests without this base: a material row of a session of the author's organisation. */
    static long script(JdbcTemplate jdbc, Roster roster, CurrentUser author, boolean passed) {
        long session = new StudyGroup.Sessions(jdbc, roster, author.getOrgId()).inDays(5, author);
        String title = unique("党课讲稿");
        jdbc.update("INSERT INTO sf_material (org_id, session_id, author_id, kind, title, status, current_version,"
                + " created_at, updated_at) VALUES (?, ?, ?, 'PARTY_LECTURE', ?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            author.getOrgId(), session, author.getPersonId(), title, passed ? "ARCHIVED" : "SUBMITTED");
        return jdbc.queryForObject("SELECT id FROM sf_material WHERE title = ?", Long.class, title);
    }

    LectureRound round(long id) {
        return mapper.selectRound(id);
    }

    /** Fires a timer of the round's instance, as the job executor would at its time. */
    void fire(LectureRound r, String timerId) {
        Job job = management.createJobQuery().processInstanceId(r.getProcessInstanceId()).activityId(timerId).singleResult();
        assertThat(job).as("timer " + timerId).isNotNull();
        management.executeJob(job.getId());
    }

    static void refused(ThrowingCallable call, HttpStatus status, String key) {
        assertThatThrownBy(call).as("refused with " + key).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.getMessageKey()).isEqualTo(key);
            assertThat(e.getStatus()).isEqualTo(status);
        });
    }
}
