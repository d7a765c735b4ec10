package cn.studyflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.CandidateGroup;
import cn.studyflow.common.planted.LeansOnOrg;
import cn.studyflow.notify.planted.CycleStart;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.plan.planted.ReachesTheEngine;
import cn.studyflow.status.planted.ReadsPlanMapper;
import cn.studyflow.system.Links;
import cn.studyflow.workflow.planted.CycleBack;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link Boundaries} fails on a violation planted for the purpose (the classes in the
 * {@code planted} folders of src/test), so that {@code BoundariesTest} passing means something.
 */
class BoundariesBiteTest {

    @Test
    void aCycleBetweenTwoPackagesFails() {
        assertThatThrownBy(() -> Boundaries.NO_CYCLES.check(classes(CycleStart.class, CycleBack.class)))
            .hasMessageContaining("Cycle detected: notify")
            .hasMessageContaining("CycleBack.back()> calls constructor <cn.studyflow.notify.planted.CycleStart");
    }

    @Test
    void aFeatureUsingTheEngineFails() {
        assertThatThrownBy(() -> Boundaries.ENGINE_BEHIND_WORKFLOW.check(classes(ReachesTheEngine.class)))
            .hasMessageContaining("ReachesTheEngine.complete")
            .hasMessageContaining("org.camunda.bpm.engine.TaskService");
    }

    @Test
    void theFloorUsingAFeatureFails() {
        assertThatThrownBy(() -> Boundaries.COMMON_STANDS_ALONE.check(classes(LeansOnOrg.class, Role.class)))
            .hasMessageContaining("LeansOnOrg.role()")
            .hasMessageContaining("cn.studyflow.org.Role");
        Boundaries.COMMON_STANDS_ALONE.check(classes(CandidateGroup.class));
    }

    @Test
    void aFeatureUsingTheShellFails() {
        assertThatThrownBy(() -> Boundaries.SYSTEM_IS_THE_SHELL.check(classes(ReachesTheEngine.class, Links.class)))
            .hasMessageContaining("cn.studyflow.system.Links");
    }

    @Test
    void anotherPackageUsingAMapperFails() {
        assertThatThrownBy(() -> Boundaries.MAPPERS_STAY_HOME.check(classes(PlanMapper.class, ReadsPlanMapper.class)))
            .hasMessageContaining("ReadsPlanMapper.plan(cn.studyflow.plan.PlanMapper)");
        Boundaries.MAPPERS_STAY_HOME.check(classes(PlanMapper.class));
    }

    @Test
    void aMapperNamingAnotherPackagesTableIsCaught() {
        assertThat(Boundaries.foreignTables("journal", Set.of("sf_instance", "sf_org", "sf_plan")))
            .containsExactly("sf_plan");
        assertThat(Boundaries.foreignTables("plan", Set.of("sf_plan_topic", "sf_audit_record", "sf_secret")))
            .containsExactly("sf_audit_record", "sf_secret (unknown: add it to Boundaries.TABLES)");
        assertThat(BoundariesTest.tables("SELECT * FROM SF_PLAN p JOIN sf_person x ON x.id = p.created_by"))
            .containsExactly("sf_person", "sf_plan");
    }

    @Test
    void aMaterialMapperJoiningTheSessionAgainIsCaught() {
        assertThat(Boundaries.foreignTables("material", BoundariesTest.tables(
            "SELECT m.*, s.title FROM sf_material m JOIN sf_study_session s ON s.id = m.session_id")))
            .containsExactly("sf_study_session");
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
