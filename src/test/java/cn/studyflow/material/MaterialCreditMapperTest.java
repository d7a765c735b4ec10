package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.credits.CreditQuery;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MaterialCreditMapper.selectApproved, what {@link MaterialCredits} makes material lines of: archived materials only
 * (not drafts, submitted or returned ones), archived in [from, until) as instants (the zone's midnights of the year),
 * of the authors whose organisation is the one asked (not the material's) or of the one author asked; each with its
 * id, author, kind, title and the instant it was archived, in the order of that instant.
 */
@MapperTest
class MaterialCreditMapperTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MaterialCreditMapper mapper;
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
    Person neighbour;
    StudySession session;
    StudySession siblingSession;

    @BeforeEach
    void rows() {
        town = Rows.org(orgs, "卞桥镇党委", null);
        sibling = Rows.org(orgs, "王坟镇党委", null);
        author = Rows.person(people, town, "李文华", true, Role.MEMBER);
        colleague = Rows.person(people, town, "张海燕", true, Role.MEMBER);
        neighbour = Rows.person(people, sibling, "陈丽娟", true, Role.MEMBER);
        Person office = Rows.person(people, town, "刘志强", true, Role.OFFICE);
        session = Rows.sessions(sessionMapper, Rows.plan(plans, town, office, 2031), 3).get(0);
        siblingSession = Rows.sessions(sessionMapper, Rows.plan(plans, sibling, office, 2031), 3).get(0);
    }

    @Test
    void anArchivedMaterialIsReadWithItsAuthorKindTitleAndTheInstantItWasArchived() {
        OffsetDateTime at = OffsetDateTime.parse("2031-03-20T15:42:07+08:00");
        Material report = material(author, session, MaterialKind.RESEARCH_REPORT, "关于基层党建的调研报告",
            MaterialStatus.ARCHIVED, at);

        assertThat(selectApproved(CreditQuery.ofPerson(author.getId(), 2031))).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(report.getId());
            assertThat(m.authorId()).isEqualTo(author.getId());
            assertThat(m.kind()).isEqualTo(MaterialKind.RESEARCH_REPORT);
            assertThat(m.title()).isEqualTo("关于基层党建的调研报告");
            assertThat(m.archivedAt()).isAtSameInstantAs(at);
        });
    }

    @Test
    void onlyArchivedMaterialsCountNotThoseStillInReview() {
        OffsetDateTime at = OffsetDateTime.parse("2031-05-06T10:00:00+08:00");
        Material archived = material(author, session, MaterialKind.SPEECH, "研讨发言", MaterialStatus.ARCHIVED, at);
        material(author, session, MaterialKind.STUDY_NOTES, "草稿", MaterialStatus.DRAFT, null);
        material(author, session, MaterialKind.STUDY_NOTES, "待审", MaterialStatus.SUBMITTED, null);
        material(colleague, session, MaterialKind.STUDY_NOTES, "退回", MaterialStatus.RETURNED, null);
        // were an archived_at left on a material sent back into review, it still would not count
        material(colleague, session, MaterialKind.LECTURE_SLIDES, "撤回再审", MaterialStatus.SUBMITTED, at);

        assertThat(selectApproved(CreditQuery.ofOrg(town.getId(), 2031))).extracting(MaterialCreditMapper.Approved::id)
            .containsExactly(archived.getId());
        assertThat(selectApproved(CreditQuery.ofPerson(colleague.getId(), 2031))).isEmpty();
    }

    @Test
    void theYearRunsFromTheZonesFirstMidnightToTheNextYearsExclusiveInOrderOfArchiving() {
        Material late = archived(author, "岁末", "2031-12-31T23:59:59+08:00");
        Material justAfter = archived(author, "次年元旦", "2032-01-01T00:00:00+08:00");
        Material justBefore = archived(author, "上年除夕", "2030-12-31T23:59:59+08:00");
        Material middle = archived(author, "年中", "2031-07-01T09:00:00+08:00");
        Material first = archived(author, "元旦零时", "2031-01-01T00:00:00+08:00");
        Material utcEve = archived(author, "格林尼治除夕", "2030-12-31T16:30:00Z");

        assertThat(selectApproved(CreditQuery.ofPerson(author.getId(), 2031)))
            .extracting(MaterialCreditMapper.Approved::id)
            .as("16:30 UTC on 31 December is already 1 January in Shanghai; by instant")
            .containsExactly(first.getId(), utcEve.getId(), middle.getId(), late.getId());
        assertThat(selectApproved(CreditQuery.ofPerson(author.getId(), 2030)))
            .extracting(MaterialCreditMapper.Approved::id).containsExactly(justBefore.getId());
        assertThat(selectApproved(CreditQuery.ofOrg(town.getId(), 2032)))
            .extracting(MaterialCreditMapper.Approved::id).containsExactly(justAfter.getId());
    }

    @Test
    void anOrganisationsMaterialsAreThoseOfItsPeopleWhereverTheyWereWrittenAndAPersonsTheirOwn() {
        Material mine = archived(author, "镇党委发言", "2031-04-01T10:00:00+08:00");
        Material theirs = archived(colleague, "同事发言", "2031-04-02T10:00:00+08:00");
        Material neighbours = archived(neighbour, "兄弟镇发言", "2031-04-03T10:00:00+08:00");
        // written for the town's session by someone who has since moved to the sibling
        Person moved = Rows.person(people, sibling, "王建国", true, Role.MEMBER);
        Material movedOwn = material(moved, session, MaterialKind.SPEECH, "调动前发言", MaterialStatus.ARCHIVED,
            OffsetDateTime.parse("2031-04-04T10:00:00+08:00"));
        // and one of the town's author written for the sibling's session
        Material abroad = material(author, siblingSession, MaterialKind.SPEECH, "外镇发言", MaterialStatus.ARCHIVED,
            OffsetDateTime.parse("2031-04-05T10:00:00+08:00"));

        assertThat(selectApproved(CreditQuery.ofOrg(town.getId(), 2031))).extracting(MaterialCreditMapper.Approved::id)
            .as("by the author's organisation, not the material's")
            .containsExactly(mine.getId(), theirs.getId(), abroad.getId());
        assertThat(selectApproved(CreditQuery.ofOrg(sibling.getId(), 2031)))
            .extracting(MaterialCreditMapper.Approved::authorId)
            .containsExactly(neighbour.getId(), moved.getId());
        assertThat(selectApproved(CreditQuery.ofPerson(author.getId(), 2031)))
            .extracting(MaterialCreditMapper.Approved::id).containsExactly(mine.getId(), abroad.getId());
        assertThat(selectApproved(CreditQuery.ofPerson(neighbour.getId(), 2031)))
            .extracting(MaterialCreditMapper.Approved::id).containsExactly(neighbours.getId());
        assertThat(selectApproved(CreditQuery.ofPerson(moved.getId(), 2031)))
            .extracting(MaterialCreditMapper.Approved::id).containsExactly(movedOwn.getId());
    }

    private List<MaterialCreditMapper.Approved> selectApproved(CreditQuery q) {
        return mapper.selectApproved(q, q.start(ZONE), q.end(ZONE));
    }

    private Material archived(Person by, String title, String at) {
        return material(by, session, MaterialKind.SPEECH, title, MaterialStatus.ARCHIVED, OffsetDateTime.parse(at));
    }

    /** A material of {@code session}'s organisation, inserted as drafts are, then given its status and archiving. */
    private Material material(Person by, StudySession session, MaterialKind kind, String title, MaterialStatus status,
                              OffsetDateTime archivedAt) {
        OffsetDateTime created = OffsetDateTime.parse("2031-01-01T00:00:00+08:00").minusMonths(2);
        Material m = new Material();
        m.setOrgId(session.getOrgId());
        m.setSessionId(session.getId());
        m.setAuthorId(by.getId());
        m.setKind(kind);
        m.setTitle(title);
        m.setSummary("围绕专题谈学习体会。");
        m.setStatus(MaterialStatus.DRAFT);
        m.setCurrentVersion(1);
        m.setDeadline(created.plusMonths(6));
        m.setCreatedAt(created);
        m.setUpdatedAt(created);
        materials.insert(m);
        jdbc.update("UPDATE sf_material SET status = ? WHERE id = ?", status.name(), m.getId());
        if (archivedAt != null) {
            jdbc.update("UPDATE sf_material SET archived_at = ? WHERE id = ?", archivedAt, m.getId());
        }
        return m;
    }
}
