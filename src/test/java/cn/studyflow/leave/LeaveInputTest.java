package cn.studyflow.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.SessionService;
import cn.studyflow.support.StudyGroup;
import java.time.LocalDateTime;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/** Leave that may not be asked: each refusal has a clear message and leaves no request and no process behind. */
class LeaveInputTest extends LeaveGroupTest {

    @Autowired LeaveRequests requests;
    @Autowired RuntimeService runtime;

    @Test
    void aSessionOneIsNotOnIsRefused() {
        long without = group.sessions().inDays(6, group.member2());

        refusedAndNothingKept(() -> requests.ask(group.member(), without, LeaveFixture.trip()), group.member(),
            HttpStatus.BAD_REQUEST, "leave.error.notOnRoster");
    }

    @Test
    void anotherOrganisationsSessionIsAsUnknownAsOneThatDoesNotExist() {
        CurrentUser outsider = user("wfz_member");

        refusedAndNothingKept(() -> requests.ask(outsider, sessionId, LeaveFixture.trip()), outsider,
            HttpStatus.NOT_FOUND, "error.notFound");
        refusedAndNothingKept(() -> requests.ask(group.member(), Long.MAX_VALUE, LeaveFixture.trip()), group.member(),
            HttpStatus.NOT_FOUND, "error.notFound");
    }

    @Test
    void aCancelledSessionIsRefused() {
        group.sessions().setStatus(sessionId, SessionService.CANCELLED);

        refusedAndNothingKept(() -> requests.ask(group.member(), sessionId, LeaveFixture.trip()), group.member(),
            HttpStatus.BAD_REQUEST, "leave.error.sessionCancelled");
    }

    @Test
    void aSessionThatHasStartedIsPastOrWasHeldIsRefused() {
        long started = group.sessions().at(LocalDateTime.now(StudyGroup.ZONE).minusMinutes(5), group.member());
        long past = group.sessions().at(LocalDateTime.now(StudyGroup.ZONE).minusDays(3), group.member());
        group.sessions().setStatus(sessionId, SessionService.HELD);

        for (long id : new long[] {started, past, sessionId}) {
            refusedAndNothingKept(() -> requests.ask(group.member(), id, LeaveFixture.trip()), group.member(),
                HttpStatus.BAD_REQUEST, "leave.error.sessionStarted");
        }
    }

    @Test
    void aSessionWithoutADayIsRefusedUntilItIsScheduled() {
        group.sessions().clearDay(sessionId);

        refusedAndNothingKept(() -> requests.ask(group.member(), sessionId, LeaveFixture.trip()), group.member(),
            HttpStatus.BAD_REQUEST, "leave.error.noDay");
    }

    @Test
    void askingTwiceForTheSameSessionIsRefusedAndTheDatabaseHoldsToIt() {
        Leave first = requests.ask(group.member(), sessionId, LeaveFixture.trip());

        refusedAndNothingKept(() -> requests.ask(group.member(), sessionId, new LeaveForm(LeaveReason.ILLNESS, null)),
            group.member(), HttpStatus.CONFLICT, "leave.error.twice");

        assertThatThrownBy(() -> jdbc.update("INSERT INTO sf_leave (org_id, session_id, person_id, reason, status,"
                + " starts_at, created_at, updated_at) VALUES (?, ?, ?, 'ILLNESS', 'PENDING', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", group.org().getId(), sessionId, group.member().getPersonId()))
            .as("the unique key, whoever writes").isInstanceOf(DuplicateKeyException.class);
        assertThat(first.getStatus()).isEqualTo(LeaveStatus.PENDING);
    }

    @Test
    void aReasonMissingUnexplainedOrTooLongIsRefused() {
        refusedAndNothingKept(() -> requests.ask(group.member(), sessionId, new LeaveForm(null, "出差")), group.member(),
            HttpStatus.BAD_REQUEST, "leave.error.reasonRequired");
        refusedAndNothingKept(() -> requests.ask(group.member(), sessionId, new LeaveForm(LeaveReason.OTHER, "  ")),
            group.member(), HttpStatus.BAD_REQUEST, "leave.error.detailRequired");
        refusedAndNothingKept(() -> requests.ask(group.member(), sessionId, new LeaveForm(LeaveReason.OTHER, "因".repeat(501))),
            group.member(), HttpStatus.BAD_REQUEST, "leave.error.detailTooLong");

        Leave l = requests.ask(group.member(), sessionId, new LeaveForm(LeaveReason.OTHER, "因".repeat(500)));
        assertThat(l.getDetail()).hasSize(500);
    }

    private void refusedAndNothingKept(ThrowingCallable call, CurrentUser who, HttpStatus status, String key) {
        int before = fixture.leavesOf(who);
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(LeaveRequestProcess.KEY).count();
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(status);
            assertThat(e.getMessageKey()).isEqualTo(key);
        });
        assertThat(fixture.leavesOf(who)).as("no request kept").isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LeaveRequestProcess.KEY).count())
            .as("no process started").isEqualTo(instances);
    }
}
