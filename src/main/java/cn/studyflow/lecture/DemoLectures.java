package cn.studyflow.lecture;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, a campaign of 潍坊市委 (county → city) and 青州市委's round scoring three lectures of
 * 卞桥镇 and 王坟镇, so that a new user finds a judge's task waiting: {@code qz_auditor} and {@code jy_member}
 * judge. Made through the real services and process; made once (a campaign of that title stops it). Off with
 * {@code studyflow.demo.sample-lectures=false} (the tests, which count what they make).
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
@Order(150)
class DemoLectures implements ApplicationRunner {

    static final String TITLE = "“我来讲党课”优秀党课遴选";
    static final List<String> JUDGES = List.of("qz_auditor", "jy_member");

    private static final Logger log = LoggerFactory.getLogger(DemoLectures.class);

    private final Campaigns campaigns;
    private final LectureRounds rounds;
    private final LectureEntries entries;
    private final UserDetailsService users;
    private final Clock clock;
    @Value("${studyflow.zone}")
    private final ZoneId zone;
    @Value("${studyflow.demo.sample-lectures:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            make();
        }
    }

    /** The campaign and the scoring round, unless the campaign is there already; the round, if made. */
    Optional<LectureRound> make() {
        int year = thisYear();
        Optional<String> title = newTitle(year);
        if (title.isEmpty()) {
            return Optional.empty();
        }
        Campaign c = publish(title.get(), year, "学习贯彻党的二十届四中全会精神\n乡村全面振兴\n新时代党员家风建设",
            new CampaignForm.LevelRow(OrgKind.COUNTY, 2), new CampaignForm.LevelRow(OrgKind.CITY, 1));
        LectureRound r = open(c, "qz_dept", 0, JUDGES);
        LocalDate given = LocalDate.now(clock.withZone(zone)).minusDays(10);
        enter(r, "bq_member", "田间地头话振兴：一名村支书的十年", "乡味党课", "乡村全面振兴", null, given);
        enter(r, "bq_member2", "车间里的初心课", "车间党课", null, null, given);
        enter(r, "wfz_member", "好家风涵养好党风", "情景党课", "新时代党员家风建设", null, given);
        rounds.closeCollection(r.getId(), user("qz_dept"));
        log.info("Demo lectures: campaign {} of 潍坊市委, round {} at 青州市委 scoring, judges {}", c.getId(), r.getId(), JUDGES);
        return Optional.of(r);
    }

    /** The year of today in the application's zone. */
    int thisYear() {
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    /** The title of the demo's campaign of {@code year}, unless 潍坊市委 has made it already (each is made once). */
    Optional<String> newTitle(int year) {
        String title = year + "年度" + TITLE;
        boolean made = campaigns.visible(user("wf_dept")).stream().anyMatch(c -> c.getTitle().equals(title));
        return made ? Optional.empty() : Optional.of(title);
    }

    /** A campaign of 潍坊市委 with the demo's categories and criteria, its levels from the lowest. */
    Campaign publish(String title, int year, String topics, CampaignForm.LevelRow... levels) {
        CampaignForm form = new CampaignForm();
        form.setTitle(title);
        form.setYear(year);
        form.setCategories("乡味党课\n车间党课\n情景党课\n行走党课");
        form.setTopics(topics);
        form.getLevels().addAll(List.of(levels));
        form.getCriteria().add(new CampaignForm.CriterionRow("内容", 40));
        form.getCriteria().add(new CampaignForm.CriterionRow("讲授", 30));
        form.getCriteria().add(new CampaignForm.CriterionRow("效果", 30));
        return campaigns.create(user("wf_dept"), form);
    }

    /** A round at the organiser's organisation, collecting for a week and scored within three. */
    LectureRound open(Campaign c, String organiser, int level, List<String> judges) {
        RoundForm round = new RoundForm();
        round.setLevelNo(level);
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        round.setEntriesCloseAt(now.plusDays(7));
        round.setDeadline(now.plusDays(21));
        round.setJudges(judges);
        return rounds.open(c.getId(), user(organiser), round);
    }

    /** A lecture the lecturer gave at home on {@code given} and enters in a round, with its script if given. */
    void enter(LectureRound r, String lecturer, String title, String category, String topic, Long script,
               LocalDate given) {
        EntryForm e = new EntryForm();
        e.setRoundId(r.getId());
        e.setTitle(title);
        e.setCategory(category);
        e.setTopic(topic);
        e.setScriptMaterialId(script);
        e.setHomeDate(given);
        e.setHomeAudience("本支部全体党员和入党积极分子");
        entries.enter(user(lecturer), e, null, null);
    }

    CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }
}
