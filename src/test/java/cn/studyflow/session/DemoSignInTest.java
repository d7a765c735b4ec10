package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.CurrentUser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo opens sign-in on 卞桥镇's session of today when the demo schedule has one, so a new user can sign in. */
class DemoSignInTest extends SignInTest {

    @Autowired DemoSignIn demo;

    Long session;

    @Test
    void theDemoOpensSignInOnTodaysSessionOfTheTownSoThatItsMemberCanSignIn() {
        CurrentUser member = user("bq_member");
        // in half an hour, but still today: the demo opens today's sessions only
        session = SignInFixture.session(db, member.getOrgId(), soonToday(30), "演示：今天的学习会");
        roster.add(List.of(Roster.expected(session, member.getPersonId(), Part.MEMBER)));

        demo.run(null);

        assertThat(signIn.state(member, session).phase()).isEqualTo(SignInState.Phase.OPEN);
        String code = signIn.projection(user("bq_secretary"), session).code();
        assertThat(signIn.signIn(member, session, code).attendance()).isEqualTo(Attendance.PRESENT);
        demo.run(null);
        assertThat(signIn.state(member, session).phase()).as("run again, nothing changes").isEqualTo(SignInState.Phase.OPEN);
    }

    @AfterEach
    void removeTheSession() {
        // other tests share the demo town: leave no session of today behind
        if (session != null) {
            jdbc.update("DELETE FROM sf_action WHERE subject_type = ? AND subject_id = ?", SignInService.SUBJECT, session);
            jdbc.update("DELETE FROM sf_session_person WHERE session_id = ?", session);
            jdbc.update("DELETE FROM sf_study_session WHERE id = ?", session);
        }
    }
}
