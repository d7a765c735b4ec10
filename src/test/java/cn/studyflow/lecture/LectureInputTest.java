package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * What may not be done in a selection, each refused with a clear message and nothing changed: scores out of
 * range or for one's own organisation, entries after the collection closed, a "video" that is not one, a round
 * or entry outside one's scope (404, pages and API alike).
 */
class LectureInputTest extends LectureFixture {

    @Test
    void aScoreOutOfRangeOrIncompleteIsRefusedAndNothingIsKept() {
        LectureEntry e = enter(member, "分数越界");
        rounds.closeCollection(townRound.getId(), townDept);

        refused(() -> scoring.score(townRound.getId(), e.getId(), countyJudge, List.of(101, 80)),
            HttpStatus.BAD_REQUEST, "lecture.error.scoreRange");
        refused(() -> scoring.score(townRound.getId(), e.getId(), countyJudge, List.of(-1, 80)),
            HttpStatus.BAD_REQUEST, "lecture.error.scoreRange");
        refused(() -> scoring.score(townRound.getId(), e.getId(), countyJudge, List.of(80)),
            HttpStatus.BAD_REQUEST, "lecture.error.scoreMissing");
        refused(() -> scoring.score(townRound.getId(), e.getId(), countyJudge, null),
            HttpStatus.BAD_REQUEST, "lecture.error.scoreMissing");

        assertThat(scoring.own(townRound.getId(), countyJudge)).isEmpty();
        assertThat(rounds.scoringTask(round(townRound.getId()), countyJudge)).as("still to score").isPresent();
    }

    @Test
    void aJudgeNeverScoresTheirOwnOrganisationsEntry() {
        LectureRound town2Round = rounds.open(campaign.getId(), town2Dept, roundForm(0, countyJudge, town2Judge));
        EntryForm form = entryForm("二镇的党课");
        form.setRoundId(town2Round.getId());
        LectureEntry own = entries.enter(town2Member, form, null, null);
        rounds.closeCollection(town2Round.getId(), town2Dept);

        refused(() -> scoring.score(town2Round.getId(), own.getId(), town2Judge, List.of(90, 90)),
            HttpStatus.FORBIDDEN, "lecture.error.ownOrg");
        assertThat(scoring.own(town2Round.getId(), town2Judge)).isEmpty();
        assertThat(rounds.scoringTask(round(town2Round.getId()), town2Judge))
            .as("a judge with nothing but their own organisation's entries has no task").isEmpty();
    }

    @Test
    void nobodyButTheRoundsJudgesScores() {
        LectureEntry e = enter(member, "非评委不能评");
        rounds.closeCollection(townRound.getId(), townDept);

        refused(() -> scoring.score(townRound.getId(), e.getId(), townDept, List.of(90, 90)),
            HttpStatus.FORBIDDEN, "lecture.error.notJudge");
        refused(() -> scoring.score(townRound.getId(), e.getId(), user("wfz_member"), List.of(90, 90)),
            HttpStatus.NOT_FOUND, "error.notFound");
    }

    @Test
    void anEntryAfterTheCollectionClosedIsRefused() {
        enter(member, "按时报送");
        rounds.closeCollection(townRound.getId(), townDept);

        refused(() -> enter(member2, "迟到的党课"), HttpStatus.BAD_REQUEST, "lecture.error.entriesClosed");
        assertThat(mapper.selectEntries(campaign.getId())).extracting(LectureEntry::getTitle).containsExactly("按时报送");
    }

    @Test
    void entriesAreCheckedBeforeAnythingIsKept() {
        EntryForm badCategory = entryForm("类别不对");
        badCategory.setCategory("不存在的类别");
        refused(() -> entries.enter(member, badCategory, null, null), HttpStatus.BAD_REQUEST, "lecture.error.category");
        EntryForm future = entryForm("还没讲");
        future.setHomeDate(java.time.LocalDate.now().plusDays(30));
        refused(() -> entries.enter(member, future, null, null), HttpStatus.BAD_REQUEST, "lecture.error.homeDate");
        EntryForm othersScript = entryForm("别人的讲稿");
        othersScript.setScriptMaterialId(script(member2, true));
        refused(() -> entries.enter(member, othersScript, null, null), HttpStatus.BAD_REQUEST, "lecture.error.script");
        EntryForm recommended = entryForm("越权推荐");
        recommended.setNomination(Nomination.RECOMMENDED);
        recommended.setLecturer(member2.getUsername());
        refused(() -> entries.enter(member, recommended, null, null), HttpStatus.FORBIDDEN, "lecture.error.notRecommender");

        assertThat(mapper.selectEntries(campaign.getId())).isEmpty();
    }

    @Test
    void aVideoThatIsNotAVideoIsRefusedOnThePageAndNothingIsKept() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("video", "实讲.mp4", "video/mp4",
            "这不是视频，只是改了扩展名的文字".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/lectures/entries").file(fake).with(as(member.getUsername()))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("roundId", String.valueOf(townRound.getId())).param("nomination", "SELF")
                .param("title", "假视频").param("category", "乡味党课").param("homeDate", "2020-01-01")
                .param("homeAudience", "全体党员"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("mp4")));

        assertThat(mapper.selectEntries(campaign.getId())).isEmpty();
    }

    @Test
    void aRoundCampaignOrEntryOutsideOnesScopeIsNotFoundOnPagesAndApi() throws Exception {
        LectureEntry e = enter(member, "范围之外");
        CurrentUser outsider = user("wfz_member");

        refused(() -> rounds.get(townRound.getId(), outsider), HttpStatus.NOT_FOUND, "error.notFound");
        refused(() -> campaigns.get(campaign.getId(), outsider), HttpStatus.NOT_FOUND, "error.notFound");
        refused(() -> entries.get(e.getId(), outsider), HttpStatus.NOT_FOUND, "error.notFound");
        refused(() -> entries.get(e.getId(), town2Member), HttpStatus.NOT_FOUND, "error.notFound");
        mvc.perform(get("/lectures/rounds/" + townRound.getId()).with(as("wfz_member"))).andExpect(status().isNotFound());
        mvc.perform(get("/lectures/campaigns/" + campaign.getId()).with(as("wfz_member"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/lectures/entries/" + e.getId()).with(as("wfz_member"))).andExpect(status().isNotFound());
        mvc.perform(get("/lectures/entries/" + e.getId() + "/slides").with(as(member.getUsername())))
            .andExpect(status().isNotFound());
    }

    @Test
    void theRoundPageShowsAJudgeTheirScoringFormAndTheApiRefusesABadScoreInTheirLanguage() throws Exception {
        LectureEntry e = enter(member, "页面上评分");
        rounds.closeCollection(townRound.getId(), townDept);

        mvc.perform(get("/lectures/rounds/" + townRound.getId()).with(as(countyJudge.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("score-" + e.getId())));
        mvc.perform(get("/lectures/rounds/" + townRound.getId()).with(as(townDept.getUsername())))
            .andExpect(status().isOk());
        mvc.perform(post("/api/lectures/rounds/" + townRound.getId() + "/entries/" + e.getId() + "/scores")
                .with(as(countyJudge.getUsername())).with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[120,80]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("0至100")));
        mvc.perform(post("/api/lectures/rounds/" + townRound.getId() + "/entries/" + e.getId() + "/scores")
                .with(as(countyJudge.getUsername())).with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[90,80]}"))
            .andExpect(status().isOk());
        assertThat(scoring.own(townRound.getId(), countyJudge)).containsKey(e.getId());
    }

    @Test
    void aCampaignWhoseTopLevelIsNotTheOrganisersOwnIsRefused() {
        CampaignForm form = new CampaignForm();
        form.setTitle("层级不对");
        form.setYear(2030);
        form.setCategories("乡味党课");
        form.getLevels().add(new CampaignForm.LevelRow(cn.studyflow.org.OrgKind.TOWN, 1));
        form.getCriteria().add(new CampaignForm.CriterionRow("内容", 100));

        refused(() -> campaigns.create(countyDept, form), HttpStatus.BAD_REQUEST, "lecture.error.topLevel");
        refused(() -> campaigns.create(member, form), HttpStatus.FORBIDDEN, "lecture.error.notOrganiser");
    }
}
