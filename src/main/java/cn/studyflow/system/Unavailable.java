package cn.studyflow.system;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database cannot serve the request just now (unreachable, restarted, every
 * pooled connection busy, a statement past its timeout), so that the caller should try again shortly rather than
 * read it as a fault of StudyFlow. The engine wraps JDBC failures in its own exceptions, not Spring's, so the
 * whole chain of causes is read, down to the SQL state of the driver.
 */
final class Unavailable {

    private Unavailable() {
    }

    static boolean database(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                || t instanceof TransientDataAccessResourceException || t instanceof CannotCreateTransactionException
                // Hikari: no connection free within connection-timeout; the driver: the connection is gone
                || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            // a commit or rollback that JDBC could not do: the connection is gone (the pool's own "Connection is
            // closed" carries no SQL state); what failed first lies beside it
            if (t instanceof TransactionSystemException tx
                && (tx.getCause() instanceof SQLException || database(tx.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL states of a database that is away or overloaded: class 08 (connection exception), 53 (insufficient
     * resources, e.g. too many connections), 57P01-57P03 (terminated by an administrator, crash, cannot connect now)
     * and 57014 (cancelled: the statement timeout).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
            || state.equals("57014"));
    }
}
