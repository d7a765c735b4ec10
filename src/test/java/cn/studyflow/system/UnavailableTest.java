package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Which failures mean "the database is away, try again" (503), and which stay what they were. */
class UnavailableTest {

    @Test
    void aPoolThatGivesNoConnectionIs503WithRetryAfter() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 3000ms", "08001");
        BusinessException b = ErrorHandling.translate(new CannotCreateTransactionException("no connection", hikari));
        assertThat(b.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(b.getMessageKey()).isEqualTo("error.unavailable");
        assertThat(b.getArgs()).containsExactly(ErrorHandling.RETRY_AFTER_SECONDS);
        assertThat(ErrorHandling.translate(new CannotGetJdbcConnectionException("down")).getStatus())
            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void theEnginesWrappedDriverFailuresAreReadByTheirSqlState() {
        // the engine wraps JDBC in MyBatis' and its own exceptions, never in Spring's
        assertThat(Unavailable.database(engine(new SQLException("terminating connection due to administrator command", "57P01"))))
            .isTrue();
        assertThat(Unavailable.database(engine(new SQLException("An I/O error occurred while sending to the backend", "08006"))))
            .isTrue();
        assertThat(Unavailable.database(engine(new SQLException("canceling statement due to statement timeout", "57014"))))
            .isTrue();
        assertThat(Unavailable.database(engine(new SQLException("sorry, too many clients already", "53300")))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionCutUnderneathIs503() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
            new SQLException("Connection is closed"));
        assertThat(ErrorHandling.translate(rollback).getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void otherDatabaseFailuresStayWhatTheyWere() {
        assertThat(Unavailable.database(engine(new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(Unavailable.database(new DataIntegrityViolationException("not null"))).isFalse();
        assertThat(Unavailable.database(new IllegalStateException("a bug"))).isFalse();
        // a lock not granted is a lost race (409), not an outage
        assertThat(ErrorHandling.translate(new CannotAcquireLockException("lock", new SQLException("lock", "55P03")))
            .getStatus()).isEqualTo(HttpStatus.CONFLICT);
    }

    /**
     * A retried decision that another attempt already made is a 409; while the database was cut, the 409's own
     * handler could not send it (sending commits the session, which was not saved), and it came through to the
     * filter wrapped by Spring MVC after the session was saved at the end of the request. The container would have
     * made it a 500.
     */
    @Test
    void aKnownAnswerWhoseHandlerCouldNotSendItIsStillGivenNotA500() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("task.handledBy", Locale.SIMPLIFIED_CHINESE, "此任务已由 {0} 办理，无需重复操作。");
        CookieLocaleResolver locales = new CookieLocaleResolver("sf-lang");
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        UnavailableFilter filter = new UnavailableFilter(messages, locales, null, new ObjectMapper());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks/7/complete");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServletException lost = new ServletException("Request processing failed",
            BusinessException.conflict("task.handledBy", "徐明远"));

        filter.doFilter(request, response, (req, res) -> {
            throw lost;
        });

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("此任务已由 徐明远 办理")
            .contains("\"status\":409");
        // what StudyFlow does not know still goes on to the container's error page
        ServletException bug = new ServletException("Request processing failed", new IllegalStateException("a bug"));
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            throw bug;
        })).isSameAs(bug);
    }

    private static RuntimeException engine(SQLException cause) {
        return new RuntimeException("ENGINE-03004 Exception while executing Database Operation",
            new PersistenceException("### Error updating database", cause));
    }
}
