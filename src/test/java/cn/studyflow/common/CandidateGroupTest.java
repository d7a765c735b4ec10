package cn.studyflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Role;
import org.junit.jupiter.api.Test;

class CandidateGroupTest {

    @Test
    void roleGroupReadsBackAsTheSameOrganisationAndRole() {
        String group = Role.PUBLICITY.group(12);

        assertThat(group).isEqualTo("org:12:publicity");
        CandidateGroup parsed = CandidateGroup.parse(group).orElseThrow();
        assertThat(parsed.orgId()).isEqualTo(12);
        assertThat(Role.of(parsed)).contains(Role.PUBLICITY);
        assertThat(parsed).isEqualTo(CandidateGroup.of(12, "PUBLICITY"));
    }

    @Test
    void userNamesAndForeignGroupsAreNoCandidateGroups() {
        assertThat(CandidateGroup.parse("bq_secretary")).isEmpty();
        assertThat(CandidateGroup.parse("org:x:leader")).isEmpty();
        assertThat(CandidateGroup.parse("org:12:leader:extra")).isEmpty();
        assertThat(CandidateGroup.parse("camunda-admin")).isEmpty();
        assertThat(CandidateGroup.parse(null)).isEmpty();
    }

    @Test
    void aWellFormedGroupOfAnUnknownRoleNamesNoRole() {
        assertThat(Role.of(CandidateGroup.parse("org:3:janitor").orElseThrow())).isEmpty();
    }
}
