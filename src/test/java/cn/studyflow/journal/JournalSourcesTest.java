package cn.studyflow.journal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanService;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.Plans;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The features tell the journal whose their old instances are and how often they went back, as the SQL
 * union over their tables did before: a material is its organisation's, a random audit is hidden from the
 * audited organisation until its day and overseen by the dept, returns and withdrawals come from the log.
 */
class JournalSourcesTest extends IntegrationTest {

    @Autowired List<JournalSource> sources;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlanService plans;

    @Test
    void featuresNameTheOwnersOfTheirInstancesAndTheLogCountsReturns() {
        Org dept = newOrg("督导", OrgKind.CITY, null);
        Org town = newOrg("镇", OrgKind.TOWN, dept);
        CurrentUser author = newPerson("author", town, Role.MEMBER);
        String material = unique("pi-material");
        String audit = unique("pi-audit");
        String fixedAudit = unique("pi-fixed");
        long session = session(town, author);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("INSERT INTO sf_material (org_id, session_id, author_id, kind, title, status, current_version,"
                + " deadline, created_at, updated_at, process_instance_id) VALUES (?, ?, ?, 'SPEECH', '学习材料', 'DRAFT',"
                + " 1, ?, ?, ?, ?)", town.getId(), session, author.getPersonId(), now, now, now, material);
        audit(dept, town, session, author, "RANDOM", audit, now);
        audit(dept, town, session, author, "FIXED", fixedAudit, now);
        for (String action : List.of("RETURN", "RETURN_TO", "WITHDRAW", "APPROVE", "RETURN")) {
            jdbc.update("INSERT INTO sf_action (subject_type, subject_id, process_instance_id, action, created_at)"
                + " VALUES ('MATERIAL', 1, ?, ?, ?)", material, action, now);
        }
        List<String> ids = List.of(material, audit, fixedAudit, unique("pi-nobody"));

        Map<String, JournalOwner> owners = sources.stream().flatMap(s -> s.owners(ids).stream())
            .collect(Collectors.toMap(JournalOwner::getProcessInstanceId, Function.identity()));
        Map<String, JournalCounts> counts = sources.stream().flatMap(s -> s.counts(ids).stream())
            .collect(Collectors.toMap(JournalCounts::getProcessInstanceId, Function.identity()));

        assertThat(owners).containsOnlyKeys(material, audit, fixedAudit);
        assertThat(owners.get(material)).extracting(JournalOwner::getOrgId, JournalOwner::getTitle,
            JournalOwner::getOverseerOrgId, JournalOwner::getHiddenDay).containsExactly(town.getId(), "学习材料", null, null);
        assertThat(owners.get(audit)).extracting(JournalOwner::getOrgId, JournalOwner::getOverseerOrgId,
            JournalOwner::getHiddenDay).containsExactly(town.getId(), dept.getId(), LocalDate.of(2026, 12, 20));
        assertThat(owners.get(fixedAudit).getHiddenDay()).isNull();
        assertThat(counts).containsOnlyKeys(material);
        assertThat(counts.get(material)).extracting(JournalCounts::getReturns, JournalCounts::getWithdrawals)
            .containsExactly(3, 1);
        assertThat(sources.stream().flatMap(s -> s.owners(List.of()).stream())).isEmpty();
    }

    private long session(Org org, CurrentUser by) {
        long plan = Plans.submittedAnnual(plans, user("bq_secretary")).getId();
        jdbc.update("INSERT INTO sf_study_session (org_id, plan_id, topic_key, session_year, session_month, title, format,"
            + " speaker, enlarged, status, created_at) VALUES (?, ?, 1, 2026, 12, '学习会', 'SPECIAL_LECTURE', '主讲', FALSE,"
            + " 'SCHEDULED', ?)", org.getId(), plan, OffsetDateTime.now());
        return jdbc.queryForObject("SELECT MAX(id) FROM sf_study_session WHERE org_id = ?", Long.class, org.getId());
    }

    private void audit(Org dept, Org org, long session, CurrentUser by, String mode, String instance, OffsetDateTime now) {
        jdbc.update("INSERT INTO sf_audit (dept_org_id, org_id, session_id, audit_mode, status, session_date, audit_year,"
                + " title, created_by, created_at, updated_at, process_instance_id) VALUES (?, ?, ?, ?, 'REQUESTED',"
                + " DATE '2026-12-20', 2026, '旁听', ?, ?, ?, ?)", dept.getId(), org.getId(), session, mode,
            by.getPersonId(), now, now, instance);
    }
}
