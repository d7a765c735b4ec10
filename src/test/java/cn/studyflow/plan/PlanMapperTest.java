package cn.studyflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.status.OrgFiguresScenario;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MapperTest
class PlanMapperTest {

    @Autowired PlanMapper plans;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired JdbcTemplate jdbc;

    Org town;
    Person secretary;

    @BeforeEach
    void town() {
        town = Rows.org(orgs, "卞桥镇党委", null);
        secretary = Rows.person(people, town, "李文华", true, Role.SECRETARY);
    }

    @Test
    void updateChangesTheRowOnlyForTheVersionItWasReadAt() {
        Plan plan = plan(2031);
        Plan stale = plans.selectById(plan.getId());

        plan.setTitle("新标题");
        plan.setStatus(PlanStatus.SUBMITTED);
        assertThat(plans.update(plan)).isOne();
        stale.setTitle("旧表单的标题");
        assertThat(plans.update(stale)).as("a form read at the old version").isZero();

        Plan now = plans.selectById(plan.getId());
        assertThat(now.getVersion()).isEqualTo(1);
        assertThat(now.getTitle()).isEqualTo("新标题");
        assertThat(now.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
    }

    @Test
    void topicsAreReadByRevisionInTheirOrder() {
        Plan plan = plan(2032);
        topic(plan, 1, 1, 2, "第二个");
        topic(plan, 1, 2, 1, "第一个");
        topic(plan, 2, 1, 1, "修订后的第一个");

        assertThat(plans.selectTopics(plan.getId(), 1)).extracting(PlanTopic::getTitle).containsExactly("第一个", "第二个");
        assertThat(plans.selectTopics(plan.getId(), 2)).extracting(PlanTopic::getTitle).containsExactly("修订后的第一个");
        assertThat(plans.selectMaxTopicKey(plan.getId())).isEqualTo(2);

        plans.deleteTopics(plan.getId(), 2);
        assertThat(plans.selectTopics(plan.getId(), 2)).isEmpty();
        assertThat(plans.selectTopics(plan.getId(), 1)).hasSize(2);
        PlanTopic first = plans.selectTopics(plan.getId(), 1).get(0);
        assertThat(first.getFormat()).isEqualTo(TopicFormat.SPECIAL_LECTURE);
        assertThat(first.isEnlarged()).isTrue();
        assertThat(first.getParticipants()).isEqualTo("各村党支部书记");
    }

    @Test
    void revisionsCarryTheNameOfWhoSubmittedThem() {
        Plan plan = plan(2033);
        plans.insertRevision(plan.getId(), 1);
        plans.insertRevision(plan.getId(), 2);
        plans.markRevisionSubmitted(plan.getId(), 1, secretary.getId());

        List<PlanRevision> revisions = plans.selectRevisions(plan.getId());
        assertThat(revisions).extracting(PlanRevision::getRevision).containsExactly(1, 2);
        assertThat(revisions.get(0).getSubmittedByName()).isEqualTo("李文华");
        assertThat(revisions.get(0).getSubmittedAt()).isNotNull();
        assertThat(revisions.get(1).getSubmittedByName()).isNull();
        assertThat(revisions.get(1).getSubmittedAt()).isNull();
    }

    @Test
    void plansAreListedForTheGivenOrganisationsNewestYearFirstAndPaged() {
        Org other = Rows.org(orgs, "王坟镇党委", null);
        Person otherSecretary = Rows.person(people, other, "张海燕", true, Role.SECRETARY);
        plan(2034);
        plan(2036);
        plan(2035);
        Plan elsewhere = newPlan(other, otherSecretary, 2037);
        plans.insert(elsewhere);

        assertThat(plans.selectByOrgs(List.of(town.getId()), null, 0, 10)).extracting(Plan::getPlanYear)
            .containsExactly(2036, 2035, 2034);
        assertThat(plans.selectByOrgs(List.of(town.getId()), null, 1, 1)).extracting(Plan::getPlanYear)
            .containsExactly(2035);
        assertThat(plans.selectByOrgs(List.of(town.getId()), 2035, 0, 10)).hasSize(1);
        assertThat(plans.countByOrgs(List.of(town.getId()), null)).isEqualTo(3);
        assertThat(plans.countByOrgs(List.of(town.getId(), other.getId()), null)).isEqualTo(4);
        assertThat(plans.countAnnual(town.getId() + "-2035")).isOne();
        assertThat(plans.countAnnual(town.getId() + "-2037")).isZero();
    }

    @Test
    void theDashboardReadsTheAnnualPlansOfTheYearAndTheNextOfEachOrganisationInTheScope() {
        OrgFiguresScenario s = new OrgFiguresScenario(orgs, people, jdbc);

        assertThat(plans.selectOrgFigures(s.subtree(s.county), OrgFiguresScenario.YEAR))
            .extracting(r -> r.getOrgId() + ":" + r.getN() + ":" + r.getCode())
            .as("this year's and next year's annual plans").containsExactlyInAnyOrder(
                s.town.getId() + ":2031:APPROVED", s.town.getId() + ":2032:SUBMITTED");
        assertThat(plans.selectOrgFigures(s.only(s.sibling), OrgFiguresScenario.YEAR)).isEmpty();
    }

    private Plan plan(int year) {
        Plan plan = newPlan(town, secretary, year);
        plans.insert(plan);
        return plan;
    }

    private static Plan newPlan(Org org, Person by, int year) {
        Plan plan = new Plan();
        plan.setOrgId(org.getId());
        plan.setKind(PlanKind.ANNUAL);
        plan.setPlanYear(year);
        plan.setAnnualKey(org.getId() + "-" + year);
        plan.setTitle(org.getName() + year + "年度理论学习中心组学习计划");
        plan.setStatus(PlanStatus.DRAFT);
        plan.setRevision(1);
        plan.setCreatedBy(by.getId());
        plan.setCreatedAt(OffsetDateTime.now());
        plan.setUpdatedAt(OffsetDateTime.now());
        return plan;
    }

    private void topic(Plan plan, int revision, int key, int seq, String title) {
        PlanTopic t = new PlanTopic();
        t.setPlanId(plan.getId());
        t.setRevision(revision);
        t.setTopicKey(key);
        t.setSeq(seq);
        t.setTopicMonth(seq);
        t.setTitle(title);
        t.setFormat(TopicFormat.SPECIAL_LECTURE);
        t.setSpeaker("王建国");
        t.setEnlarged(true);
        t.setParticipants("各村党支部书记");
        plans.insertTopics(java.util.List.of(t));
    }
}
