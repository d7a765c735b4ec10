package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MapperTest
class SignInMapperTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2031, 3, 10, 9, 0);

    @Autowired SignInMapper signIns;
    @Autowired StudySessionMapper sessions;
    @Autowired RosterMapper roster;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;
    @Autowired DataSource db;

    @Test
    void signInOpensOnceOnAScheduledSessionClosesOnceAndMayOpenAgainAfterClosing() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        long id = SignInFixture.session(db, town.getId(), NINE, "集体学习");
        OffsetDateTime at = OffsetDateTime.parse("2031-03-10T08:50:00+08:00");

        assertThat(signIns.close(id, at)).as("not open").isZero();
        assertThat(signIns.open(id, "ab12", at)).isEqualTo(1);
        assertThat(signIns.open(id, "cd34", at)).as("already open").isZero();
        StudySession open = sessions.selectById(id);
        assertThat(open.getSigninSecret()).isEqualTo("ab12");
        assertThat(open.getSigninOpenedAt()).isNotNull();
        assertThat(open.getSigninClosedAt()).isNull();

        assertThat(signIns.close(id, at.plusHours(1))).isEqualTo(1);
        assertThat(signIns.close(id, at.plusHours(2))).as("already closed").isZero();
        StudySession closed = sessions.selectById(id);
        assertThat(closed.getSigninSecret()).as("the secret is forgotten").isNull();
        assertThat(closed.getSigninClosedAt().toInstant()).isEqualTo(at.plusHours(1).toInstant());
        assertThat(signIns.open(id, "ef56", at.plusHours(1))).isEqualTo(1);
    }

    @Test
    void aSessionThatIsNotScheduledNeverOpens() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        long id = SignInFixture.session(db, town.getId(), NINE, "已取消");
        new JdbcTemplate(db).update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE id = ?", id);
        assertThat(signIns.open(id, "ab12", OffsetDateTime.now())).isZero();
    }

    @Test
    void theSheetNamesEveryoneOnTheRosterAndWhoMarkedThemWhy() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person secretary = Rows.person(people, town, "李秘书", true, Role.SECRETARY);
        Person wang = Rows.person(people, town, "王成员", true, Role.MEMBER);
        Person zhao = Rows.person(people, town, "赵成员", true, Role.MEMBER);
        long id = SignInFixture.session(db, town.getId(), NINE, "集体学习");
        roster.insertAll(List.of(Roster.expected(id, wang.getId(), Part.MEMBER), Roster.expected(id, zhao.getId(), Part.MEMBER),
            Roster.expected(id, secretary.getId(), Part.CHAIR)));
        roster.updateAttendance(id, zhao.getId(), Attendance.EXPECTED, Attendance.LATE, secretary.getId(), "手机没电");

        List<SignInRow> sheet = signIns.selectSheet(id);
        assertThat(sheet).extracting(SignInRow::getName).containsExactly("李秘书", "王成员", "赵成员");
        SignInRow marked = sheet.get(2);
        assertThat(marked.getAttendance()).isEqualTo(Attendance.LATE);
        assertThat(marked.getMarkedByName()).isEqualTo("李秘书");
        assertThat(marked.getMarkReason()).isEqualTo("手机没电");
        assertThat(marked.getSignedAt()).isNotNull();
        assertThat(marked.isHere()).isTrue();
        assertThat(sheet.get(1).isHere()).isFalse();
    }

    @Test
    void openSessionsOfAPersonAreThoseOfTheirRosterOrOrganisation() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Org other = Rows.org(orgs, "王坟镇党委", null);
        Person guest = Rows.person(people, other, "外单位参学", true, Role.MEMBER);
        long own = SignInFixture.session(db, other.getId(), NINE, "本单位");
        long enlarged = SignInFixture.session(db, town.getId(), NINE, "扩大学习");
        long elsewhere = SignInFixture.session(db, town.getId(), NINE, "与我无关");
        long notOpen = SignInFixture.session(db, other.getId(), NINE, "未开启");
        roster.insertAll(List.of(Roster.expected(enlarged, guest.getId(), Part.GUEST)));
        OffsetDateTime at = OffsetDateTime.now();
        for (long id : new long[] {own, enlarged, elsewhere}) {
            signIns.open(id, "ab12", at);
        }

        assertThat(signIns.selectOpenFor(guest.getId(), other.getId())).extracting(StudySession::getId)
            .containsExactlyInAnyOrder(own, enlarged).doesNotContain(elsewhere, notOpen);
        signIns.close(enlarged, at);
        assertThat(signIns.selectOpenFor(guest.getId(), other.getId())).extracting(StudySession::getId).containsExactly(own);
    }

    @Test
    void unopenedSessionsOfADayAreFoundByTheOrganisationsCode() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        long today = SignInFixture.session(db, town.getId(), NINE, "今天");
        SignInFixture.session(db, town.getId(), NINE.plusDays(1), "明天");
        long opened = SignInFixture.session(db, town.getId(), NINE.plusHours(5), "已开启");
        signIns.open(opened, "ab12", OffsetDateTime.now());

        assertThat(signIns.selectUnopened(town.getCode(), NINE.toLocalDate())).extracting(StudySession::getId)
            .containsExactly(today);
        assertThat(signIns.selectUnopened("no-such-org", NINE.toLocalDate())).isEmpty();
    }

    @Test
    void aDrawIsStoredWithItsSeedAndPoolAndItsNoteIsKept() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person secretary = Rows.person(people, town, "李秘书", true, Role.SECRETARY);
        Person wang = Rows.person(people, town, "王成员", true, Role.MEMBER);
        long id = SignInFixture.session(db, town.getId(), NINE, "集体学习");
        SessionCall call = call(id, wang, secretary, List.of(wang.getId(), secretary.getId()), -42L);

        SessionCall stored = signIns.selectCall(id, call.getId());
        assertThat(stored.getPersonName()).isEqualTo("王成员");
        assertThat(stored.getDrawnByName()).isEqualTo("李秘书");
        assertThat(stored.getSeed()).isEqualTo(-42L);
        assertThat(stored.poolIds()).containsExactly(wang.getId(), secretary.getId());
        assertThat(signIns.selectCall(id + 1, call.getId())).as("a call of another session").isNull();

        assertThat(signIns.updateNote(id, call.getId(), "结合乡村振兴谈体会")).isEqualTo(1);
        assertThat(signIns.selectCalls(id)).singleElement()
            .satisfies(c -> assertThat(c.getNote()).isEqualTo("结合乡村振兴谈体会"));
        assertThat(signIns.updateNote(id + 1, call.getId(), "x")).isZero();
    }

    @Test
    void recentSpeakersAreThoseDrawnAtTheOrganisationsLastSessionsBeforeThisOne() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Org other = Rows.org(orgs, "王坟镇党委", null);
        Person secretary = Rows.person(people, town, "李秘书", true, Role.SECRETARY);
        Person a = Rows.person(people, town, "甲", true, Role.MEMBER);
        Person b = Rows.person(people, town, "乙", true, Role.MEMBER);
        Person c = Rows.person(people, town, "丙", true, Role.MEMBER);
        Person d = Rows.person(people, town, "丁", true, Role.MEMBER);
        long january = SignInFixture.session(db, town.getId(), NINE.minusMonths(2), "一月");
        long february = SignInFixture.session(db, town.getId(), NINE.minusMonths(1), "二月");
        long marchEarlier = SignInFixture.session(db, town.getId(), NINE.minusDays(3), "三月上旬");
        long now = SignInFixture.session(db, town.getId(), NINE, "本次");
        long later = SignInFixture.session(db, town.getId(), NINE.plusMonths(1), "四月");
        long elsewhere = SignInFixture.session(db, other.getId(), NINE.minusDays(1), "外单位");
        call(january, a, secretary, List.of(a.getId()), 1);
        call(february, b, secretary, List.of(b.getId()), 1);
        call(marchEarlier, c, secretary, List.of(c.getId()), 1);
        call(now, d, secretary, List.of(d.getId()), 1);
        call(later, a, secretary, List.of(a.getId()), 1);
        call(elsewhere, a, secretary, List.of(a.getId()), 1);

        assertThat(signIns.selectRecentSpeakers(town.getId(), now, NINE.toLocalDate(), 2))
            .containsExactlyInAnyOrder(b.getId(), c.getId());
        assertThat(signIns.selectRecentSpeakers(town.getId(), now, NINE.toLocalDate(), 3))
            .containsExactlyInAnyOrder(a.getId(), b.getId(), c.getId());
        assertThat(signIns.selectRecentSpeakers(town.getId(), now, LocalDate.of(2030, 1, 1), 2)).isEmpty();
    }

    private SessionCall call(long sessionId, Person drawn, Person by, List<Long> pool, long seed) {
        SessionCall call = new SessionCall();
        call.setSessionId(sessionId);
        call.setPersonId(drawn.getId());
        call.setSeed(seed);
        call.setPool(SessionCall.poolOf(pool));
        call.setDrawnBy(by.getId());
        call.setDrawnAt(OffsetDateTime.now());
        signIns.insertCall(call);
        assertThat(call.getId()).isNotNull();
        return call;
    }
}
