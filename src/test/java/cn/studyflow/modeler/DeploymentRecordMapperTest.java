package cn.studyflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class DeploymentRecordMapperTest {

    @Autowired DeploymentRecordMapper records;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    @Test
    void theVersionsOfOneProcessAreListedNewestFirstWithWhoDeployedThemAndWhy() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        Person admin = Rows.person(people, city, "系统管理员", true, Role.ADMIN);
        OffsetDateTime at = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        record(admin, "plan-approval", 2, DeploymentRecord.Kind.DEPLOY, null, "加入副组长", at);
        record(admin, "material-review", 5, DeploymentRecord.Kind.DEPLOY, null, "别的流程", at);
        record(admin, "plan-approval", 4, DeploymentRecord.Kind.ROLLBACK, 2, "回到第 2 版", at.plusMinutes(2));
        record(admin, "plan-approval", 3, DeploymentRecord.Kind.DEPLOY, null, "调整退回", at.plusMinutes(1));

        List<DeploymentRecord> plan = records.selectByKey("plan-approval");

        assertThat(plan).extracting(DeploymentRecord::getVersion).containsExactly(4, 3, 2);
        DeploymentRecord rollback = plan.get(0);
        assertThat(rollback.getKind()).isEqualTo(DeploymentRecord.Kind.ROLLBACK);
        assertThat(rollback.getSourceVersion()).isEqualTo(2);
        assertThat(rollback.getComment()).isEqualTo("回到第 2 版");
        assertThat(rollback.getDeployedByName()).isEqualTo("系统管理员");
        assertThat(rollback.getDeployedBy()).isEqualTo(admin.getId());
        assertThat(rollback.getDeployedAt().toInstant()).isEqualTo(at.plusMinutes(2).toInstant());
        assertThat(rollback.getProcessDefinitionId()).isEqualTo("plan-approval:4:x");
        assertThat(plan.get(1).getSourceVersion()).isNull();
        assertThat(records.selectByKey("audit-sit-in")).isEmpty();
    }

    private void record(Person by, String key, int version, DeploymentRecord.Kind kind, Integer source, String comment,
                        OffsetDateTime at) {
        DeploymentRecord r = new DeploymentRecord();
        r.setDeploymentId("d-" + key + "-" + version);
        r.setProcessDefinitionId(key + ":" + version + ":x");
        r.setProcessKey(key);
        r.setVersion(version);
        r.setVersionTag("1.0." + version);
        r.setKind(kind);
        r.setSourceVersion(source);
        r.setDeployedBy(by.getId());
        r.setDeployedByName(by.getDisplayName());
        r.setComment(comment);
        r.setDeployedAt(at);
        records.insert(r);
        assertThat(r.getId()).isNotNull();
    }
}
