package cn.studyflow.admin;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a person's HTTP sessions (Spring Session JDBC, found by principal name) once the change that requires it
 * has committed: a deactivation that rolls back leaves the person logged in. Every request also reloads the
 * person ({@link AccountFilter}), so a deactivated person cannot act even in the moment before.
 */
@Component
@RequiredArgsConstructor
class SessionEnder {

    private static final Logger log = LoggerFactory.getLogger(SessionEnder.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    void endAfterCommit(String username) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            end(username);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                end(username);
            }
        });
    }

    /** Ends every session of {@code username}; returns how many there were. */
    int end(String username) {
        var ids = sessions.findByPrincipalName(username).keySet();
        ids.forEach(sessions::deleteById);
        if (!ids.isEmpty()) {
            log.info("Ended {} session(s) of {}", ids.size(), username);
        }
        return ids.size();
    }
}
