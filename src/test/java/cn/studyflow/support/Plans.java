package cn.studyflow.support;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.plan.Plan;
import cn.studyflow.plan.PlanForm;
import cn.studyflow.plan.PlanKind;
import cn.studyflow.plan.PlanService;
import cn.studyflow.plan.TopicFormat;
import java.time.Year;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds plans for tests: every annual plan gets a year of its own, since an organisation has one a year. */
public final class Plans {

    /**
     * Years ahead of now, so that deadlines and reminders lie in the future; the last year a plan may have in
     * the test profile ({@code studyflow.plan.max-year} in application-test.yml), which leaves every
     * organisation hundreds of plans in one test run.
     */
    private static final int FIRST_YEAR = Year.now().getValue() + 2;
    private static final int LAST_YEAR = 2999;
    private static final Map<Long, AtomicInteger> YEARS = new ConcurrentHashMap<>();

    private Plans() {
    }

    /** A year for which the secretary's organisation has no annual plan yet; counted per organisation. */
    public static int freshYear(CurrentUser secretary) {
        int year = YEARS.computeIfAbsent(secretary.getOrgId(), org -> new AtomicInteger(FIRST_YEAR)).getAndIncrement();
        if (year > LAST_YEAR) {
            throw new IllegalStateException("No year left for another annual plan of organisation " + secretary.getOrgId()
                + ": give the test an organisation of its own (IntegrationTest.newOrg)");
        }
        return year;
    }

    /** A form with one topic a month for the first {@code count} months. */
    public static PlanForm form(Plan plan, int count) {
        PlanForm form = new PlanForm();
        form.setTitle(plan.getTitle());
        form.setVersion(plan.getVersion());
        for (int i = 0; i < count; i++) {
            PlanForm.TopicForm t = new PlanForm.TopicForm();
            t.setMonth(plan.getKind() == PlanKind.SUPPLEMENTARY ? plan.getPlanMonth() : i + 1);
            t.setTitle("专题" + (i + 1) + "：深入学习贯彻习近平新时代中国特色社会主义思想");
            t.setFormat(i % 3 == 0 ? TopicFormat.SPECIAL_LECTURE : TopicFormat.COLLECTIVE_STUDY);
            t.setSpeaker("王建国");
            t.setEnlarged(i == 5);
            t.setParticipants(i == 5 ? "各村党支部书记" : null);
            form.getTopics().add(t);
        }
        return form;
    }

    /** Creates an annual plan with twelve topics and submits it, as the secretary does. */
    public static Plan submittedAnnual(PlanService plans, CurrentUser secretary) {
        Plan plan = plans.create(secretary, PlanKind.ANNUAL, freshYear(secretary), null);
        plan = plans.saveDraft(plan.getId(), secretary, form(plan, 12));
        plans.submit(plan.getId(), secretary, plan.getVersion());
        return plans.get(plan.getId(), secretary);
    }
}
