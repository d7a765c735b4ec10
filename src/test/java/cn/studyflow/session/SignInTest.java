package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sign-in tests' base: a fresh town below 青州市委 per test, sessions of it starting around now, the current code. */
abstract class SignInTest extends IntegrationTest {

    @Autowired protected SignInService signIn;
    @Autowired protected Roster roster;
    @Autowired protected DataSource db;
    @Autowired protected JdbcTemplate jdbc;

    /** A new town below 青州市委 with a secretary, a leader and {@code members} members. */
    protected SignInTown newTown(int members) {
        Org qz = orgService.get(user("qz_dept").getOrgId());
        Org org = newOrg("签到测试镇", OrgKind.TOWN, qz);
        List<CurrentUser> people = IntStream.range(0, members).mapToObj(i -> newPerson("成员", org, Role.MEMBER)).toList();
        return new SignInTown(org, newPerson("秘书", org, Role.SECRETARY), newPerson("书记", org, Role.LEADER), people, db, roster);
    }

    /** Now in Asia/Shanghai, as the application's clock tells it. */
    protected static LocalDateTime now() {
        return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
    }

    /**
     * {@code minutes} from now, but still today: just before midnight in Shanghai that would be tomorrow, whose
     * sign-in may not open yet, so then a minute before midnight (a start a few seconds past is still on time).
     */
    protected static LocalDateTime soonToday(int minutes) {
        LocalDateTime now = now();
        LocalDateTime later = now.plusMinutes(minutes);
        return later.toLocalDate().equals(now.toLocalDate()) ? later : now.toLocalDate().atTime(23, 59);
    }

    /** The code the projector of this town's session shows now. */
    protected String code(SignInTown town, long session) {
        return signIn.projection(town.secretary(), session).code();
    }

    protected Attendance attendance(long session, CurrentUser who) {
        return roster.entry(session, who.getPersonId()).orElseThrow().getAttendance();
    }

    protected static void refused(ThrowingCallable call, HttpStatus status, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.getMessageKey()).isEqualTo(key);
            assertThat(e.getStatus()).isEqualTo(status);
        });
    }
}
