package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.SubjectRef;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Sign-in and roll-call through their services on the whole application, each rule and each refusal. */
class SignInServiceTest extends SignInTest {

    @Autowired RollCall rollCall;
    @Autowired ActionLog actions;

    SignInTown town;

    @BeforeEach
    void town() {
        town = newTown(3);
    }

    @Test
    void membersSignInWithTheCodeOnTimeAsPresentAndAfterTheGraceTimeAsLate() {
        long coming = town.session(soonToday(10), town.member(0));
        long started = town.session(now().minusMinutes(10), town.member(0));
        signIn.open(town.secretary(), coming);
        signIn.open(town.leader(), started);

        SignInService.SignedIn onTime = signIn.signIn(town.member(0), coming, code(coming));
        SignInService.SignedIn late = signIn.signIn(town.member(0), started, " " + code(started) + " ");

        assertThat(onTime.attendance()).isEqualTo(Attendance.PRESENT);
        assertThat(onTime.at()).matches("\\d\\d:\\d\\d");
        assertThat(late.attendance()).isEqualTo(Attendance.LATE);
        assertThat(attendance(coming, town.member(0))).isEqualTo(Attendance.PRESENT);
        assertThat(attendance(started, town.member(0))).isEqualTo(Attendance.LATE);
        assertThat(signIn.state(town.secretary(), started)).satisfies(s -> {
            assertThat(s.phase()).isEqualTo(SignInState.Phase.OPEN);
            assertThat(s.late()).isEqualTo(1);
            assertThat(s.expected()).isEqualTo(1);
        });
    }

    @Test
    void aMemberWhoTypesOnlyTheCodeSignsInToTheOpenSessionOfTheirsWhoseCodeItIs() {
        long other = town.session(soonToday(5), town.member(0));
        long session = town.session(soonToday(5), town.member(0), town.member(1));
        signIn.open(town.secretary(), other);
        signIn.open(town.secretary(), session);

        SignInService.SignedIn signed = signIn.signInByCode(town.member(1), code(session));

        assertThat(signed.sessionId()).isEqualTo(session);
        assertThat(attendance(session, town.member(1))).isEqualTo(Attendance.PRESENT);
        assertThat(signIn.openFor(town.member(1))).extracting(StudySession::getId).contains(session, other);
        refused(() -> signIn.signInByCode(town.member(1), "12345x"), HttpStatus.BAD_REQUEST, "signin.badCode");
    }

    @Test
    void aSecondSignInSaysWhenTheFirstWasAndChangesNothing() {
        long session = town.session(now().minusMinutes(1), town.member(0));
        signIn.open(town.secretary(), session);
        SignInService.SignedIn first = signIn.signIn(town.member(0), session, code(session));

        assertThatThrownBy(() -> signIn.signIn(town.member(0), session, code(session)))
            .isInstanceOfSatisfying(BusinessException.class, e -> {
                assertThat(e.getStatus()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(e.getMessageKey()).isEqualTo("signin.already");
                assertThat(e.getArgs()).containsExactly(first.at());
            });
        assertThat(attendance(session, town.member(0))).isEqualTo(Attendance.PRESENT);
        refused(() -> signIn.signInByCode(town.member(0), code(session)), HttpStatus.CONFLICT, "signin.already");
    }

    @Test
    void aWrongOrExpiredCodeIsRefusedAndChangesNothing() {
        long session = town.session(now(), town.member(0));
        long other = town.session(now(), town.member(0));
        signIn.open(town.secretary(), session);
        signIn.open(town.secretary(), other);
        String code = code(session);
        String wrong = code.equals("000000") ? "000001" : "000000";

        refused(() -> signIn.signIn(town.member(0), session, wrong), HttpStatus.BAD_REQUEST, "signin.badCode");
        if (!code(other).equals(code)) {
            refused(() -> signIn.signIn(town.member(0), session, code(other)), HttpStatus.BAD_REQUEST, "signin.badCode");
        }
        refused(() -> signIn.signIn(town.member(0), session, null), HttpStatus.BAD_REQUEST, "signin.badCode");
        refused(() -> signIn.signIn(town.member(0), session, "x".repeat(5000)), HttpStatus.BAD_REQUEST, "signin.badCode");
        assertThat(attendance(session, town.member(0))).isEqualTo(Attendance.EXPECTED);
    }

    @Test
    void someoneNotOnTheRosterIsToldSoAndSomeoneOutsideTheOrganisationGetsNotFound() {
        long session = town.session(now(), town.member(0));
        signIn.open(town.secretary(), session);

        refused(() -> signIn.signIn(town.member(1), session, code(session)), HttpStatus.FORBIDDEN, "signin.notOnRoster");
        refused(() -> signIn.signIn(user("wfz_member"), session, code(session)), HttpStatus.NOT_FOUND, "error.notFound");
        refused(() -> signIn.state(user("wfz_member"), session), HttpStatus.NOT_FOUND, "error.notFound");
        assertThat(signIn.sheet(town.secretary(), session)).extracting(SignInRow::getPersonId)
            .containsExactly(town.member(0).getPersonId());
    }

    @Test
    void aGuestFromAnotherOrganisationOnTheRosterSignsIn() {
        CurrentUser guest = user("wfz_member");
        long session = town.session(now(), guest);
        signIn.open(town.secretary(), session);

        assertThat(signIn.signIn(guest, session, code(session)).attendance()).isEqualTo(Attendance.PRESENT);
    }

    @Test
    void signInNotOpenOrClosedIsRefused() {
        long session = town.session(now(), town.member(0), town.member(1));
        refused(() -> signIn.signIn(town.member(0), session, "123456"), HttpStatus.CONFLICT, "signin.notOpen");
        refused(() -> signIn.close(town.secretary(), session), HttpStatus.CONFLICT, "signin.notOpen");
        signIn.open(town.secretary(), session);
        String code = code(session);
        refused(() -> signIn.open(town.secretary(), session), HttpStatus.CONFLICT, "signin.alreadyOpen");

        SignInState closed = signIn.close(town.secretary(), session);

        assertThat(closed.phase()).isEqualTo(SignInState.Phase.CLOSED);
        refused(() -> signIn.signIn(town.member(0), session, code), HttpStatus.CONFLICT, "signin.closed");
        refused(() -> signIn.projection(town.secretary(), session), HttpStatus.CONFLICT, "signin.closed");
        assertThat(attendance(session, town.member(0))).isEqualTo(Attendance.EXPECTED);
        assertThat(actions.timeline(new SubjectRef(SignInService.SUBJECT, session))).extracting(Action::getAction)
            .containsExactly("SIGNIN_OPEN", "SIGNIN_CLOSE");
    }

    @Test
    void signInClosesByItselfTheConfiguredTimeAfterTheStart() {
        long session = town.session(now().minusMinutes(30), town.member(0));
        signIn.open(town.secretary(), session);
        String code = code(session);
        // the session turns out to have started 61 minutes ago: past studyflow.session.signin-closes-after (60 min)
        jdbc.update("UPDATE sf_study_session SET start_time = ?, session_date = ? WHERE id = ?",
            now().minusMinutes(61).toLocalTime(), now().minusMinutes(61).toLocalDate(), session);

        refused(() -> signIn.signIn(town.member(0), session, code), HttpStatus.CONFLICT, "signin.closed");
        assertThat(signIn.state(town.member(0), session).phase()).isEqualTo(SignInState.Phase.CLOSED);
        assertThat(jdbc.queryForObject("SELECT signin_closed_at IS NOT NULL FROM sf_study_session WHERE id = ?",
            Boolean.class, session)).as("closed in the table on first sight").isTrue();
        refused(() -> signIn.open(town.secretary(), session), HttpStatus.CONFLICT, "signin.over");
    }

    @Test
    void onlyAScheduledSessionWithADayThatHasComeOpensAndOnlyByItsSecretaryOrLeader() {
        long cancelled = town.session(now(), town.member(0));
        jdbc.update("UPDATE sf_study_session SET status = 'CANCELLED' WHERE id = ?", cancelled);
        long held = town.session(now(), town.member(0));
        jdbc.update("UPDATE sf_study_session SET status = 'HELD' WHERE id = ?", held);
        long undated = town.session(now(), town.member(0));
        jdbc.update("UPDATE sf_study_session SET session_date = NULL WHERE id = ?", undated);
        long tomorrow = town.session(now().plusDays(1), town.member(0));
        long today = town.session(now(), town.member(0));

        refused(() -> signIn.open(town.secretary(), cancelled), HttpStatus.CONFLICT, "signin.notScheduled");
        refused(() -> signIn.open(town.secretary(), held), HttpStatus.CONFLICT, "signin.notScheduled");
        refused(() -> signIn.open(town.secretary(), undated), HttpStatus.CONFLICT, "signin.noDayToOpen");
        refused(() -> signIn.open(town.secretary(), tomorrow), HttpStatus.CONFLICT, "signin.tooEarly");
        refused(() -> signIn.open(town.member(0), today), HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> signIn.open(user("qz_dept"), today), HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> signIn.open(user("wfz_secretary"), today), HttpStatus.NOT_FOUND, "error.notFound");
        assertThat(signIn.state(user("qz_manager"), today).phase()).as("a superior reads")
            .isEqualTo(SignInState.Phase.NOT_OPENED);
        signIn.open(town.secretary(), today);
        refused(() -> signIn.projection(town.member(0), today), HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> signIn.projection(user("qz_dept"), today), HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @Test
    void theSecretaryMarksSomeoneByHandWithAReasonThatIsKeptOnTheSheetAndInTheHistory() {
        long session = town.session(now(), town.member(0), town.member(1));

        SignInRow row = signIn.mark(town.secretary(), session, town.member(1).getPersonId(), Attendance.LATE, " 手机没电，现场核实 ");

        assertThat(row.getAttendance()).isEqualTo(Attendance.LATE);
        assertThat(row.getMarkedByName()).isEqualTo(town.secretary().getDisplayName());
        assertThat(row.getMarkReason()).isEqualTo("手机没电，现场核实");
        assertThat(actions.timeline(new SubjectRef(SignInService.SUBJECT, session))).singleElement().satisfies(a -> {
            assertThat(a.getAction()).isEqualTo("SIGNIN_MARK_LATE");
            assertThat(a.getComment()).isEqualTo("手机没电，现场核实");
            assertThat(a.getTarget()).isEqualTo(town.member(1).getDisplayName());
            assertThat(a.getActorId()).isEqualTo(town.secretary().getPersonId());
        });
        assertThat(signIn.mark(town.leader(), session, town.member(1).getPersonId(), Attendance.PRESENT, "到得及时")
            .getAttendance()).as("the leader corrects it").isEqualTo(Attendance.PRESENT);
    }

    @Test
    void aHandMarkWithoutAReasonOrOfSomeoneNotOnTheRosterOrByAMemberIsRefusedAndChangesNothing() {
        long session = town.session(now(), town.member(0));
        long m0 = town.member(0).getPersonId();

        refused(() -> signIn.mark(town.secretary(), session, m0, Attendance.PRESENT, "  "), HttpStatus.BAD_REQUEST, "signin.mark.reason");
        refused(() -> signIn.mark(town.secretary(), session, m0, Attendance.PRESENT, "长".repeat(501)), HttpStatus.BAD_REQUEST, "signin.mark.reason");
        refused(() -> signIn.mark(town.secretary(), session, m0, Attendance.ABSENT, "缺席"), HttpStatus.BAD_REQUEST, "signin.mark.attendance");
        refused(() -> signIn.mark(town.secretary(), session, m0, null, "理由"), HttpStatus.BAD_REQUEST, "signin.mark.attendance");
        refused(() -> signIn.mark(town.secretary(), session, town.member(1).getPersonId(), Attendance.PRESENT, "理由"),
            HttpStatus.BAD_REQUEST, "signin.mark.notOnRoster");
        refused(() -> signIn.mark(town.secretary(), session, null, Attendance.PRESENT, "理由"), HttpStatus.BAD_REQUEST, "signin.mark.notOnRoster");
        refused(() -> signIn.mark(town.member(0), session, m0, Attendance.PRESENT, "我来了"), HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> signIn.mark(user("qz_dept"), session, m0, Attendance.PRESENT, "上级"), HttpStatus.FORBIDDEN, "error.forbidden");
        assertThat(attendance(session, town.member(0))).isEqualTo(Attendance.EXPECTED);
        signIn.mark(town.secretary(), session, m0, Attendance.PRESENT, "理由");
        refused(() -> signIn.mark(town.secretary(), session, m0, Attendance.PRESENT, "再来"), HttpStatus.CONFLICT, "signin.mark.same");
        assertThat(actions.timeline(new SubjectRef(SignInService.SUBJECT, session))).hasSize(1);
    }

    @Test
    void onceTheSessionIsHeldNoHandMarkChangesItsAttendanceForTheMakeUpsHaveStarted() {
        long session = town.session(now(), town.member(0));
        jdbc.update("UPDATE sf_study_session SET status = 'HELD' WHERE id = ?", session);

        refused(() -> signIn.mark(town.secretary(), session, town.member(0).getPersonId(), Attendance.PRESENT, "补记"),
            HttpStatus.CONFLICT, "signin.mark.held");
        assertThat(attendance(session, town.member(0))).isEqualTo(Attendance.EXPECTED);
        assertThat(actions.timeline(new SubjectRef(SignInService.SUBJECT, session))).isEmpty();
    }

    @Test
    void rollCallDrawsFromThosePresentLeavingOutWhoSpokeLastTimeUntilNobodyElseIsLeft() {
        long earlier = town.session(now().minusDays(1), town.member(0), town.member(1), town.member(2));
        long session = town.session(now(), town.member(0), town.member(1), town.member(2));
        jdbc.update("UPDATE sf_study_session SET signin_opened_at = CURRENT_TIMESTAMP WHERE id = ?", earlier);
        signIn.mark(town.secretary(), earlier, town.member(0).getPersonId(), Attendance.PRESENT, "到场");
        assertThat(rollCall.draw(town.secretary(), earlier).getPersonId()).isEqualTo(town.member(0).getPersonId());
        refused(() -> rollCall.draw(town.secretary(), session), HttpStatus.CONFLICT, "rollcall.nobodyHere");
        signIn.open(town.secretary(), session);
        signIn.signIn(town.member(0), session, code(session));
        signIn.signIn(town.member(1), session, code(session));

        SessionCall first = rollCall.draw(town.secretary(), session);
        SessionCall second = rollCall.draw(town.leader(), session);

        assertThat(first.getPersonId()).as("member 0 spoke last time, member 2 is not here").isEqualTo(town.member(1).getPersonId());
        assertThat(first.poolIds()).containsExactly(town.member(1).getPersonId());
        assertThat(first.getPersonName()).isEqualTo(town.member(1).getDisplayName());
        assertThat(second.getPersonId()).as("nobody else is left").isEqualTo(town.member(0).getPersonId());
        refused(() -> rollCall.draw(town.secretary(), session), HttpStatus.CONFLICT, "rollcall.allDrawn");
        assertThat(rollCall.calls(user("qz_manager"), session)).extracting(SessionCall::getPersonId)
            .containsExactly(town.member(1).getPersonId(), town.member(0).getPersonId());
    }

    @Test
    void aStoredDrawIsReRunToCheckItAndATamperedOneFailsTheCheck() {
        long session = town.session(now(), town.members().toArray(CurrentUser[]::new));
        town.members().forEach(m -> signIn.mark(town.secretary(), session, m.getPersonId(), Attendance.PRESENT, "到场"));
        SessionCall call = rollCall.draw(town.secretary(), session);
        assertThat(call.poolIds()).hasSize(town.members().size());

        RollCall.Verification verified = rollCall.verify(user("qz_dept"), session, call.getId());
        assertThat(verified.matches()).isTrue();
        assertThat(verified.rerun()).isEqualTo(call.getPersonId());

        long otherSeed = IntStream.range(0, 1000).mapToLong(i -> i)
            .filter(seed -> RollCall.pick(call.poolIds(), seed) != call.getPersonId()).findFirst().orElseThrow();
        jdbc.update("UPDATE sf_session_call SET seed = ? WHERE id = ?", otherSeed, call.getId());
        assertThat(rollCall.verify(town.member(0), session, call.getId()).matches()).isFalse();
        refused(() -> rollCall.verify(user("wfz_secretary"), session, call.getId()), HttpStatus.NOT_FOUND, "error.notFound");
        refused(() -> rollCall.verify(town.secretary(), session, call.getId() + 1000), HttpStatus.NOT_FOUND, "error.notFound");
    }

    @Test
    void theNoteOfWhatTheSpeakerSaidIsShortAndRecordedByTheSecretaryOnly() {
        long session = town.session(now(), town.member(0));
        signIn.mark(town.secretary(), session, town.member(0).getPersonId(), Attendance.PRESENT, "到场");
        SessionCall call = rollCall.draw(town.secretary(), session);

        refused(() -> rollCall.note(town.secretary(), session, call.getId(), "话".repeat(501)), HttpStatus.BAD_REQUEST, "rollcall.note.length");
        refused(() -> rollCall.note(town.secretary(), session, call.getId(), " "), HttpStatus.BAD_REQUEST, "rollcall.note.length");
        refused(() -> rollCall.note(town.member(0), session, call.getId(), "自己写"), HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> rollCall.draw(town.member(0), session), HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> rollCall.draw(user("qz_dept"), session), HttpStatus.FORBIDDEN, "error.forbidden");
        SessionCall noted = rollCall.note(town.secretary(), session, call.getId(), "话".repeat(500));

        assertThat(noted.getNote()).hasSize(500);
        assertThat(actions.timeline(new SubjectRef(SignInService.SUBJECT, session))).extracting(Action::getAction)
            .containsExactly("SIGNIN_MARK_PRESENT", "ROLL_CALL", "ROLL_CALL_NOTE");
    }

    private String code(long session) {
        return code(town, session);
    }
}
