package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.notify.Notification;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * A campaign walked through StudyFlow's services and the real process: entries at a town, judges scoring in
 * parallel, the ranking computed, the script's review required to go up, the county's round, the outstanding
 * named and the library; the deadline with scores missing, a tie ordered with a reason, an entry withdrawn.
 */
class LectureSelectionTest extends LectureFixture {

    @Autowired NotificationService notifications;

    @Test
    void aLectureEnteredAtATownIsScoredSentUpNamedOutstandingAndReadInTheLibrary() {
        LectureEntry first = enter(member, "田间地头话振兴");
        LectureEntry second = enter(member2, "车间里的党课");
        LectureRound countyRound = rounds.open(campaign.getId(), countyDept, roundForm(1, countyJudge, town2Judge));
        rounds.closeCollection(townRound.getId(), townDept);
        assertThat(round(townRound.getId()).getStatus()).isEqualTo(RoundStatus.SCORING);

        scoring.score(townRound.getId(), first.getId(), countyJudge, List.of(90, 80));
        assertThat(scoring.own(townRound.getId(), town2Judge)).as("a judge sees only their own").isEmpty();
        refused(() -> scoring.all(round(townRound.getId())), HttpStatus.NOT_FOUND, "error.notFound");
        scoring.score(townRound.getId(), second.getId(), countyJudge, List.of(70, 70));
        scoring.score(townRound.getId(), first.getId(), town2Judge, List.of(80, 90));
        scoring.score(townRound.getId(), second.getId(), town2Judge, List.of(60, 60));

        LectureRound closed = round(townRound.getId());
        assertThat(closed.getStatus()).isEqualTo(RoundStatus.RANKING);
        List<RoundEntry> ranked = rounds.entries(townRound.getId());
        assertThat(ranked).extracting(RoundEntry::getTitle).containsExactly("田间地头话振兴", "车间里的党课");
        // 90*.6+80*.4 = 86, 80*.6+90*.4 = 84: 85.00; 70 and 60: 65.00
        assertThat(ranked).extracting(RoundEntry::getAverage)
            .containsExactly(new BigDecimal("85.00"), new BigDecimal("65.00"));
        assertThat(scoring.all(closed)).as("every judge's scores once closed").hasSize(2);

        refused(() -> sendUp.sendUp(townRound.getId(), townDept), HttpStatus.BAD_REQUEST, "lecture.error.scriptNotReviewed");
        assertThat(round(townRound.getId()).getStatus()).as("nothing changed").isEqualTo(RoundStatus.RANKING);
        entries.attachScript(first.getId(), member, script(member, true));
        sendUp.sendUp(townRound.getId(), townDept);

        assertThat(round(townRound.getId()).getStatus()).isEqualTo(RoundStatus.FINISHED);
        assertThat(rounds.entries(countyRound.getId())).extracting(RoundEntry::getEntryId).containsExactly(first.getId());
        refused(() -> sendUp.sendUp(townRound.getId(), townDept), HttpStatus.CONFLICT, "task.changed");

        rounds.closeCollection(countyRound.getId(), countyDept);
        scoring.score(countyRound.getId(), first.getId(), countyJudge, List.of(95, 95));
        scoring.score(countyRound.getId(), first.getId(), town2Judge, List.of(85, 85));
        sendUp.sendUp(countyRound.getId(), countyDept);

        LectureEntry named = entries.get(first.getId(), member);
        assertThat(named.isAwarded()).isTrue();
        assertThat(named.getSelectedLevel()).isEqualTo(1);
        LectureLibrary.Results results = library.results(campaigns.get(campaign.getId(), town2Member));
        assertThat(results.lectures()).extracting(LectureEntry::getTitle).containsExactly("田间地头话振兴");
        assertThat(results.units()).containsExactly(town.getName());
        LibraryFilter filter = new LibraryFilter();
        filter.setTitle("振兴");
        assertThat(library.search(town2Member, filter)).as("readable across the campaign's subtree")
            .extracting(LectureEntry::getId).containsExactly(first.getId());
        assertThat(entries.get(first.getId(), town2Member).getTitle()).isEqualTo("田间地头话振兴");
        assertThat(library.search(user("wfz_member"), filter)).as("not outside the campaign").isEmpty();
    }

    @Test
    void theDeadlineRecordsMissingScoresAbsentAndAveragesThoseGiven() {
        LectureEntry first = enter(member, "红色家风代代传");
        LectureEntry second = enter(member2, "党员身边的榜样");
        rounds.closeCollection(townRound.getId(), townDept);
        scoring.score(townRound.getId(), first.getId(), countyJudge, List.of(80, 80));
        scoring.score(townRound.getId(), first.getId(), town2Judge, List.of(70, 70));
        scoring.score(townRound.getId(), second.getId(), town2Judge, List.of(90, 90));

        fire(round(townRound.getId()), LectureSelectionProcess.TIMER_REMINDER);
        assertThat(keys(countyJudge)).as("still scoring: reminded").contains("lecture.notify.remind");
        assertThat(keys(town2Judge)).as("done: not reminded").doesNotContain("lecture.notify.remind");
        fire(round(townRound.getId()), LectureSelectionProcess.TIMER_DEADLINE);

        LectureRound closed = round(townRound.getId());
        assertThat(closed.getStatus()).isEqualTo(RoundStatus.RANKING);
        assertThat(scoring.absences(closed)).as("the county judge never scored the second")
            .containsOnlyKeys(countyJudge.getPersonId());
        assertThat(scoring.absences(closed).get(countyJudge.getPersonId())).containsExactly(second.getId());
        assertThat(rounds.entries(townRound.getId())).extracting(RoundEntry::getTitle, RoundEntry::getAverage)
            .as("the second's average is the one judge present").containsExactly(
                org.assertj.core.groups.Tuple.tuple("党员身边的榜样", new BigDecimal("90.00")),
                org.assertj.core.groups.Tuple.tuple("红色家风代代传", new BigDecimal("75.00")));
        refused(() -> scoring.score(townRound.getId(), second.getId(), countyJudge, List.of(99, 99)),
            HttpStatus.BAD_REQUEST, "lecture.error.scoringClosed");
    }

    private List<String> keys(CurrentUser who) {
        return notifications.page(who.getPersonId(), 0, 50).items().stream().map(Notification::getMessageKey).toList();
    }

    @Test
    void aTieAtTheCutOffIsOrderedByTheOrganiserWithAReasonBeforeSendingUp() {
        LectureEntry first = enter(member, "讲好身边事");
        LectureEntry second = enter(member2, "讲好家乡事");
        rounds.closeCollection(townRound.getId(), townDept);
        for (CurrentUser judge : List.of(countyJudge, town2Judge)) {
            scoring.score(townRound.getId(), first.getId(), judge, List.of(88, 88));
            scoring.score(townRound.getId(), second.getId(), judge, List.of(88, 88));
        }
        LectureRound r = round(townRound.getId());
        assertThat(sendUp.tied(r)).hasSize(2);
        refused(() -> sendUp.sendUp(r.getId(), townDept), HttpStatus.CONFLICT, "task.changed");
        refused(() -> sendUp.breakTie(r.getId(), townDept, List.of(second.getId(), second.getId()), "实讲效果更好"),
            HttpStatus.BAD_REQUEST, "lecture.error.tieOrder");
        refused(() -> sendUp.breakTie(r.getId(), townDept, List.of(second.getId(), first.getId()), " "),
            HttpStatus.BAD_REQUEST, "lecture.error.tieReason");

        sendUp.breakTie(r.getId(), townDept, List.of(second.getId(), first.getId()), "实讲时群众反响更好");

        assertThat(round(r.getId()).getTieReason()).isEqualTo("实讲时群众反响更好");
        assertThat(sendUp.chosen(round(r.getId()))).extracting(RoundEntry::getEntryId).containsExactly(second.getId());
    }

    @Test
    void aRoundWhoseOnlyEntryWasWithdrawnEndsWithoutScoring() {
        LectureEntry only = enter(member, "撤回的党课");
        refused(() -> entries.withdraw(only.getId(), member2), HttpStatus.FORBIDDEN, "lecture.error.notEntrant");

        entries.withdraw(only.getId(), member);
        rounds.closeCollection(townRound.getId(), townDept);

        assertThat(round(townRound.getId()).getStatus()).isEqualTo(RoundStatus.EMPTY);
        assertThat(rounds.currentSteps(round(townRound.getId()))).isEmpty();
    }
}
