package cn.studyflow.plan;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.DemoPeople;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
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
 * In the demo profile, next year's annual plans of the two demo towns, approved through the real process,
 * so that a new user finds scheduled study sessions to upload materials for and to audit; and two plans still
 * on their way, so that reviewers find work waiting and managers something running: 青州市委's own annual plan
 * at its leader, after the publicity member's approval, and a supplementary plan of 卞桥镇 at its leader.
 * 教育局 is left alone for the README's walk-through. Off with {@code studyflow.demo.sample-plans=false} (the
 * tests, which count what they make).
 */
@Component
@Profile("demo")
@Order(10)
@RequiredArgsConstructor
class DemoPlans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

    private static final String[][] TOPICS = {
        {"深入学习贯彻习近平新时代中国特色社会主义思想", "COLLECTIVE_STUDY"},
        {"学习贯彻党的二十大精神", "SPECIAL_LECTURE"},
        {"学习贯彻全国两会精神", "COLLECTIVE_STUDY"},
        {"以党的创新理论引领乡村全面振兴", "ONSITE_TEACHING"},
        {"学习习近平总书记关于党的建设的重要思想", "COLLECTIVE_STUDY"},
        {"党纪学习教育专题研讨", "COLLECTIVE_STUDY"},
        {"学习贯彻省委全会精神", "SPECIAL_LECTURE"},
        {"学习习近平生态文明思想", "ONSITE_TEACHING"},
        {"学习习近平总书记关于基层治理的重要论述", "JOINT_STUDY"},
        {"理论读书班：原原本本学原著", "READING_CLASS"},
        {"干部大讲堂：优化营商环境", "CADRE_LECTURE"},
        {"年度学习总结与交流研讨", "COLLECTIVE_STUDY"},
    };

    private final PlanService plans;
    private final PlanMapper mapper;
    private final TasklistService tasks;
    private final Workflow workflow;
    private final DemoPeople people;
    private final Clock clock;
    @Value("${studyflow.demo.sample-plans:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || mapper.countAll() > 0) {
            return;
        }
        int year = LocalDate.now(clock).getYear() + 1;
        for (String town : List.of("bq", "wfz")) {
            Plan plan = annual(town, year);
            for (String who : List.of(town + "_publicity", town + "_leader", "qz_dept")) {
                approve(plan, who);
            }
        }
        approve(annual("qz", year), "qz_publicity");
        // a supplementary plan adds one session in its own month: the provincial plenum's, say
        submitted("bq", PlanKind.SUPPLEMENTARY, year, 3, 6);
        // last year, finished: 卞桥镇's annual plan, approved, whose sessions the archive's demo holds
        Plan finished = annual("bq", year - 2);
        for (String who : List.of("bq_publicity", "bq_leader", "qz_dept")) {
            approve(finished, who);
        }
        log.info("Demo plans for {} approved: their topics are scheduled study sessions; two more are waiting "
            + "at qz_leader and bq_leader; 卞桥镇's plan of {} approved too", year, year - 2);
    }

    /** An annual plan of {@code org} with all the demo topics, one a month, submitted for review. */
    private Plan annual(String org, int year) {
        return submitted(org, PlanKind.ANNUAL, year, null, IntStream.range(0, TOPICS.length).toArray());
    }

    /** A plan of {@code org} with these demo topics, in their months or in the plan's own, submitted for review. */
    private Plan submitted(String org, PlanKind kind, int year, Integer month, int... topics) {
        CurrentUser secretary = people.user(org + "_secretary");
        Plan plan = plans.create(secretary, kind, year, month);
        PlanForm form = new PlanForm();
        form.setTitle(plan.getTitle());
        form.setVersion(plan.getVersion());
        for (int i : topics) {
            PlanForm.TopicForm t = new PlanForm.TopicForm();
            t.setMonth(month != null ? month : i + 1);
            t.setTitle(TOPICS[i][0]);
            t.setFormat(TopicFormat.valueOf(TOPICS[i][1]));
            t.setSpeaker(i % 3 == 0 ? secretary.getOrg().getName() + "书记" : "中心组成员轮流领学");
            t.setEnlarged(i == 3 || i == 10);
            t.setParticipants(i == 3 || i == 10 ? "各村（社区）党组织书记" : null);
            form.getTopics().add(t);
        }
        plan = plans.saveDraft(plan.getId(), secretary, form);
        plans.submit(plan.getId(), secretary, plan.getVersion());
        return plan;
    }

    private void approve(Plan plan, String who) {
        String taskId = workflow.activeTasks(plan.getProcessInstanceId()).get(0).id();
        tasks.decide(taskId, people.user(who), Decision.APPROVE, "同意");
    }
}
