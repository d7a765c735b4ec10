package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.plan.PlanMapper;
import cn.studyflow.session.StudySession;
import cn.studyflow.session.StudySessionMapper;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import cn.studyflow.task.Decision;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every statement of MaterialMapper.xml that joins or filters: a material with its author's name (its session's title
 * and day are {@link MaterialReads}' to add), which materials a reader may list (archived ones, their own, all of those
 * they review), the archived ones of a year's sessions, the assessment's cleared materials of a period's sessions, and
 * versions and reviews with names.
 */
@MapperTest
class MaterialMapperTest {

    @Autowired MaterialMapper materials;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired PlanMapper plans;
    @Autowired StudySessionMapper sessionMapper;
    @Autowired JdbcTemplate jdbc;

    Org town;
    Org sibling;
    Person author;
    Person colleague;
    Person office;
    List<StudySession> sessions;
    StudySession siblingSession;
    final OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void rows() {
        town = Rows.org(orgs, "卞桥镇党委", null);
        sibling = Rows.org(orgs, "王坟镇党委", null);
        author = Rows.person(people, town, "李文华", true, Role.MEMBER);
        colleague = Rows.person(people, town, "张海燕", true, Role.MEMBER);
        office = Rows.person(people, town, "刘志强", true, Role.OFFICE);
        sessions = Rows.sessions(sessionMapper, Rows.plan(plans, town, office, 2031), 3, 4);
        siblingSession = Rows.sessions(sessionMapper, Rows.plan(plans, sibling, office, 2031), 3).get(0);
    }

    @Test
    void aMaterialIsReadWithItsAuthorsNameAndItsSessionsIdAndChangesOnlyAtItsVersion() {
        Material material = material(author, sessions.get(0), MaterialStatus.DRAFT, now);
        Material stale = materials.selectById(material.getId());

        Material read = materials.selectById(material.getId());
        assertThat(read.getAuthorName()).isEqualTo("李文华");
        assertThat(read.getSessionId()).isEqualTo(sessions.get(0).getId());
        assertThat(read.getOrgId()).isEqualTo(town.getId());
        assertThat(read.getKind()).isEqualTo(MaterialKind.SPEECH);

        read.setStatus(MaterialStatus.SUBMITTED);
        read.setCurrentVersion(2);
        read.setUpdatedAt(now.plusMinutes(1));
        assertThat(materials.update(read)).isOne();
        stale.setTitle("旧表单");
        assertThat(materials.update(stale)).as("a form read at the old version").isZero();
        Material after = materials.selectById(material.getId());
        assertThat(after.getStatus()).isEqualTo(MaterialStatus.SUBMITTED);
        assertThat(after.getVersion()).isEqualTo(1);
        assertThat(after.getTitle()).isEqualTo("研讨发言");
        assertThat(materials.selectById(-1)).isNull();
    }

    @Test
    void aMemberSeesArchivedMaterialsAndTheirOwnAndAReviewerSeesAllOfTheirOrganisation() {
        Material own = material(author, sessions.get(0), MaterialStatus.DRAFT, now.minusHours(3));
        Material othersDraft = material(colleague, sessions.get(0), MaterialStatus.SUBMITTED, now.minusHours(2));
        Material archived = material(colleague, sessions.get(1), MaterialStatus.ARCHIVED, now.minusHours(1));
        Material elsewhere = material(Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER), siblingSession,
            MaterialStatus.ARCHIVED, now);

        MaterialFilter member = new MaterialFilter(List.of(town.getId()), List.of(), author.getId(), null, null, false);
        assertThat(materials.selectVisible(member, 0, 10)).extracting(Material::getId).as("newest first")
            .containsExactly(archived.getId(), own.getId());
        assertThat(materials.countVisible(member)).isEqualTo(2);

        MaterialFilter reviewer = new MaterialFilter(List.of(town.getId()), List.of(town.getId()), office.getId(), null,
            null, false);
        assertThat(materials.selectVisible(reviewer, 0, 10)).extracting(Material::getId)
            .containsExactly(archived.getId(), othersDraft.getId(), own.getId());
        assertThat(materials.selectVisible(reviewer, 1, 1)).extracting(Material::getId).containsExactly(othersDraft.getId());
        assertThat(materials.countVisible(reviewer)).isEqualTo(3);

        MaterialFilter overseer = new MaterialFilter(List.of(town.getId(), sibling.getId()), List.of(), office.getId(),
            null, null, false);
        assertThat(materials.selectVisible(overseer, 0, 10)).extracting(Material::getId)
            .containsExactly(elsewhere.getId(), archived.getId());
    }

    @Test
    void theListNarrowsToASessionAStatusOrTheReadersOwn() {
        Material own = material(author, sessions.get(0), MaterialStatus.DRAFT, now.minusHours(3));
        Material submitted = material(colleague, sessions.get(0), MaterialStatus.SUBMITTED, now.minusHours(2));
        Material archived = material(colleague, sessions.get(1), MaterialStatus.ARCHIVED, now.minusHours(1));
        List<Long> mine = List.of(town.getId());

        assertThat(materials.selectVisible(new MaterialFilter(mine, mine, office.getId(), sessions.get(0).getId(), null,
            false), 0, 10)).extracting(Material::getId).containsExactly(submitted.getId(), own.getId());
        assertThat(materials.selectVisible(new MaterialFilter(mine, mine, office.getId(), null, MaterialStatus.ARCHIVED,
            false), 0, 10)).extracting(Material::getId).containsExactly(archived.getId());
        assertThat(materials.selectVisible(new MaterialFilter(mine, mine, author.getId(), null, null, true), 0, 10))
            .extracting(Material::getId).containsExactly(own.getId());
        assertThat(materials.countVisible(new MaterialFilter(mine, mine, author.getId(), null, null, true))).isOne();
    }

    @Test
    void versionsAreReadInOrderWithTheUploadersNameAndMarkedSubmittedOnce() {
        Material material = material(author, sessions.get(0), MaterialStatus.DRAFT, now);
        version(material, 2, "修改稿.pdf");
        version(material, 1, "初稿.pdf");

        materials.markVersionSubmitted(material.getId(), 1, now);
        OffsetDateTime firstSubmitted = materials.selectVersion(material.getId(), 1).getSubmittedAt();
        materials.markVersionSubmitted(material.getId(), 1, now.plusHours(1));

        List<MaterialVersion> versions = materials.selectVersions(material.getId());
        assertThat(versions).extracting(MaterialVersion::getOriginalName).containsExactly("初稿.pdf", "修改稿.pdf");
        assertThat(versions).extracting(MaterialVersion::getUploadedByName).containsOnly("李文华");
        assertThat(firstSubmitted.toInstant()).isEqualTo(now.toInstant());
        assertThat(versions.get(0).getSubmittedAt()).as("submitted once, not again").isEqualTo(firstSubmitted);
        assertThat(versions.get(1).getSubmittedAt()).isNull();
        MaterialVersion second = materials.selectVersion(material.getId(), 2);
        assertThat(second.getFileType()).isEqualTo(FileType.PDF);
        assertThat(second.getSizeBytes()).isEqualTo(1234L);
        assertThat(second.getCrc32()).as("a CRC-32 above 2^31 kept whole").isEqualTo(3_141_592_653L);
        assertThat(materials.selectVersion(material.getId(), 1).getCrc32()).as("a file stored before V29").isNull();
        assertThat(materials.selectVersion(material.getId(), 3)).isNull();
    }

    @Test
    void reviewsAndTheirChecksAreReadPerMaterial() {
        Material material = material(author, sessions.get(0), MaterialStatus.SUBMITTED, now);
        Material other = material(colleague, sessions.get(0), MaterialStatus.SUBMITTED, now);
        MaterialReview first = review(material, "firstReviewByOffice", Decision.APPROVE, now);
        MaterialReview second = review(material, "secondReviewByPublicity", Decision.RETURN, now.plusMinutes(5));
        MaterialReview elsewhere = review(other, "secondReviewByPublicity", Decision.APPROVE, now);
        check(second, CheckItem.POLITICAL, true);
        check(second, CheckItem.LEGAL, false);
        check(elsewhere, CheckItem.POLITICAL, true);

        assertThat(materials.selectReviews(material.getId())).extracting(MaterialReview::getId)
            .containsExactly(first.getId(), second.getId());
        assertThat(materials.selectReviews(material.getId()).get(1).getDecision()).isEqualTo(Decision.RETURN);
        assertThat(materials.selectChecks(material.getId()))
            .extracting(c -> c.getReviewId() + ":" + c.getItem() + ":" + c.isPassed())
            .containsExactlyInAnyOrder(second.getId() + ":POLITICAL:true", second.getId() + ":LEGAL:false");
    }

    @Test
    void theArchiveReadsTheOrganisationsSignedOffMaterialsOfTheSessionsItNames() {
        Material first = material(author, sessions.get(0), MaterialStatus.ARCHIVED, now);
        Material second = material(colleague, sessions.get(1), MaterialStatus.ARCHIVED, now);
        material(colleague, sessions.get(0), MaterialStatus.SUBMITTED, now);
        Material elsewhere = material(Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER), siblingSession,
            MaterialStatus.ARCHIVED, now);

        assertThat(materials.selectArchivedOfSessions(town.getId(), List.of(sessions.get(0).getId())))
            .singleElement().satisfies(m -> {
                assertThat(m.getId()).isEqualTo(first.getId());
                assertThat(m.getAuthorName()).isEqualTo("李文华");
            });
        assertThat(materials.selectArchivedOfSessions(town.getId(),
                List.of(sessions.get(0).getId(), sessions.get(1).getId(), siblingSession.getId())))
            .as("signed off only, of the organisation only").extracting(Material::getId)
            .containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(materials.selectArchivedOfSessions(sibling.getId(), List.of(siblingSession.getId())))
            .extracting(Material::getId).containsExactly(elsewhere.getId());
    }

    @Test
    void aPeriodCountsTheMaterialsOfItsSessionsDueOrArchivedAndThoseArchivedByTheirDeadlinePerOrganisation() {
        long session = sessions.get(0).getId();
        due(material(author, sessions.get(0), MaterialStatus.ARCHIVED, now), now.minusDays(2), now.minusDays(3));
        due(material(author, sessions.get(0), MaterialStatus.ARCHIVED, now), now.minusDays(2), now.minusDays(2));
        due(material(colleague, sessions.get(0), MaterialStatus.ARCHIVED, now), now.minusDays(2), now.minusDays(1));
        due(material(colleague, sessions.get(0), MaterialStatus.SUBMITTED, now), now.minusHours(1), null);
        due(material(colleague, sessions.get(0), MaterialStatus.SUBMITTED, now), now.plusHours(1), null);
        due(material(author, sessions.get(1), MaterialStatus.ARCHIVED, now), now.minusDays(2), now.minusDays(3));
        Person neighbour = Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER);
        due(material(neighbour, siblingSession, MaterialStatus.ARCHIVED, now), now.minusDays(2), now.minusDays(3));

        StudyPeriod townOnly = new StudyPeriod(null, town.getId(), 2031, null, LocalDate.of(2031, 1, 1),
            LocalDate.of(2031, 12, 31), now);
        assertThat(materials.selectPeriodCleared(townOnly, List.of(session, siblingSession.getId())))
            .as("by the deadline or on it: two of the four due or archived; not the one not yet due, nor the sibling's")
            .singleElement().satisfies(r -> {
                assertThat(r.getOrgId()).isEqualTo(town.getId());
                assertThat(r.getN()).isEqualTo(2);
                assertThat(r.getM()).isEqualTo(4);
            });
        StudyPeriod siblingsTree = StudyPeriod.of(sibling.getPath(), 2031, null, now);
        assertThat(materials.selectPeriodCleared(siblingsTree, List.of(session, siblingSession.getId())))
            .singleElement().satisfies(r -> {
                assertThat(r.getOrgId()).isEqualTo(sibling.getId());
                assertThat(r.getN()).isOne();
                assertThat(r.getM()).isOne();
            });
        assertThat(materials.selectPeriodCleared(townOnly, List.of(sessions.get(1).getId())))
            .as("only the sessions named").singleElement().satisfies(r -> assertThat(r.getM()).isOne());
    }

    private Material material(Person by, StudySession session, MaterialStatus status, OffsetDateTime updated) {
        Material m = new Material();
        m.setOrgId(session.getOrgId());
        m.setSessionId(session.getId());
        m.setAuthorId(by.getId());
        m.setKind(MaterialKind.SPEECH);
        m.setTitle("研讨发言");
        m.setSummary("围绕专题谈学习体会。");
        m.setStatus(status);
        m.setCurrentVersion(1);
        m.setDeadline(now.plusDays(10));
        m.setCreatedAt(updated);
        m.setUpdatedAt(updated);
        materials.insert(m);
        return m;
    }

    /** Sets the material's deadline and when it was archived (null: not yet). */
    private void due(Material material, OffsetDateTime deadline, OffsetDateTime archived) {
        jdbc.update("UPDATE sf_material SET deadline = ?, archived_at = ? WHERE id = ?",
            Timestamp.from(deadline.toInstant()), archived == null ? null : Timestamp.from(archived.toInstant()),
            material.getId());
    }

    private void version(Material material, int no, String name) {
        MaterialVersion v = new MaterialVersion();
        v.setMaterialId(material.getId());
        v.setVersionNo(no);
        v.setStoredName("stored-" + material.getId() + "-" + no);
        v.setOriginalName(name);
        v.setFileType(FileType.PDF);
        v.setSizeBytes(1234);
        v.setSha256("0".repeat(64));
        v.setCrc32(no == 1 ? null : 3_141_592_653L);
        v.setUploadedBy(material.getAuthorId());
        v.setUploadedAt(now);
        materials.insertVersion(v);
    }

    private MaterialReview review(Material material, String step, Decision decision, OffsetDateTime at) {
        MaterialReview r = new MaterialReview();
        r.setMaterialId(material.getId());
        r.setVersionNo(1);
        r.setTaskId("task-" + step);
        r.setStep(step);
        r.setReviewerId(office.getId());
        r.setReviewerName(office.getDisplayName());
        r.setDecision(decision);
        r.setComment("意见");
        r.setNotClassified(true);
        r.setCreatedAt(at);
        materials.insertReview(r);
        return r;
    }

    private void check(MaterialReview review, CheckItem item, boolean passed) {
        MaterialCheck c = new MaterialCheck();
        c.setReviewId(review.getId());
        c.setItem(item);
        c.setPassed(passed);
        c.setNote("说明");
        materials.insertCheck(c);
    }
}
