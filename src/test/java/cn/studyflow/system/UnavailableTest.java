package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.common.BusinessException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

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

    private static RuntimeException engine(SQLException cause) {
        return new RuntimeException("ENGINE-03004 Exception while executing Database Operation",
            new PersistenceException("### Error updating database", cause));
    }
}
