package cn.studyflow.lecture;

import cn.studyflow.material.DemoScripts;
import cn.studyflow.org.OrgKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, last year's campaign of 潍坊市委 finished from town to county to city, so that results, the
 * library, the teacher pool and the progress view have something to show: 卞桥镇 and 王坟镇 each judge their entries
 * and send the best up, 青州市委 sends both on, and 潍坊市委 names them outstanding. Every step is taken as people
 * take it, through the services and the round's process; the two lectures that go up have scripts passed through
 * the material review ({@link DemoScripts}). Made once (a campaign of that title stops it); off with
 * {@code studyflow.demo.sample-lectures=false}. Without a coming session of either town for the scripts it makes
 * nothing.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
@Order(140)
class DemoFinishedCampaign implements ApplicationRunner {

    static final String TOWN_LECTURE = "从“红色家书”里读懂初心使命";
    static final String TOWN2_LECTURE = "沿着红色足迹走一走：山村里的行走党课";
    static final String STAYED = "小车间里的大党课";

    private static final Logger log = LoggerFactory.getLogger(DemoFinishedCampaign.class);
    private static final List<String> TOWN_JUDGES = List.of("qz_auditor", "jy_member");
    private static final List<String> COUNTY_JUDGES = List.of("qz_auditor", "jy_member", "wf_auditor");
    private static final List<String> CITY_JUDGES = List.of("wf_auditor", "wf_publicity");
    /** Each lecture's marks on 内容, 讲授 and 效果 from the first judge; each further judge gives one less. */
    private static final Map<String, List<Integer>> MARKS = Map.of(
        TOWN_LECTURE, List.of(94, 92, 93), TOWN2_LECTURE, List.of(91, 90, 92), STAYED, List.of(85, 84, 86));

    private final Campaigns campaigns;
    private final LectureRounds rounds;
    private final LectureScoring scoring;
    private final LectureSendUp sendUp;
    private final DemoScripts scripts;
    private final DemoLectures demo;
    @Value("${studyflow.demo.sample-lectures:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            make();
        }
    }

    /** The finished campaign, unless one of its title is there already; the campaign, if made. */
    Optional<Campaign> make() {
        int year = demo.thisYear() - 1;
        Optional<String> title = demo.newTitle(year);
        if (title.isEmpty()) {
            return Optional.empty();
        }
        if (!scripts.hasSession("bq_member") || !scripts.hasSession("wfz_member")) {
            log.info("Demo lectures: no finished campaign, a town has no coming session for its lecture's script");
            return Optional.empty();
        }
        long townScript = scripts.reviewed("bq_member", TOWN_LECTURE + "（讲稿）").orElseThrow();
        long town2Script = scripts.reviewed("wfz_member", TOWN2_LECTURE + "（讲稿）").orElseThrow();
        Campaign c = demo.publish(title.get(), year, "学习贯彻党的二十届三中全会精神\n红色基因代代传",
            new CampaignForm.LevelRow(OrgKind.TOWN, 1), new CampaignForm.LevelRow(OrgKind.COUNTY, 2),
            new CampaignForm.LevelRow(OrgKind.CITY, 2));

        LectureRound town = demo.open(c, "bq_dept", 0, TOWN_JUDGES);
        LectureRound town2 = demo.open(c, "wfz_dept", 0, TOWN_JUDGES);
        LectureRound county = demo.open(c, "qz_dept", 1, COUNTY_JUDGES);
        LectureRound city = demo.open(c, "wf_dept", 2, CITY_JUDGES);
        LocalDate given = LocalDate.of(year, 6, 28);
        demo.enter(town, "bq_member", TOWN_LECTURE, "情景党课", "红色基因代代传", townScript, given);
        demo.enter(town, "bq_member2", STAYED, "车间党课", null, null, given);
        demo.enter(town2, "wfz_member", TOWN2_LECTURE, "行走党课", "红色基因代代传", town2Script, given);
        judge(town, "bq_dept", TOWN_JUDGES);
        judge(town2, "wfz_dept", TOWN_JUDGES);
        judge(county, "qz_dept", COUNTY_JUDGES);
        judge(city, "wf_dept", CITY_JUDGES);
        log.info("Demo lectures: campaign {} of {} finished town → county → city, two lectures named outstanding",
            c.getId(), year);
        return Optional.of(campaigns.get(c.getId(), demo.user("wf_dept")));
    }

    /** The organiser closes the collection, every judge scores every entry, and the organiser sends the best up. */
    private void judge(LectureRound r, String organiser, List<String> judges) {
        rounds.closeCollection(r.getId(), demo.user(organiser));
        for (RoundEntry e : rounds.entries(r.getId())) {
            for (int j = 0; j < judges.size(); j++) {
                int less = j;
                scoring.score(r.getId(), e.getEntryId(), demo.user(judges.get(j)),
                    MARKS.get(e.getTitle()).stream().map(m -> m - less).toList());
            }
        }
        sendUp.sendUp(r.getId(), demo.user(organiser));
    }
}
