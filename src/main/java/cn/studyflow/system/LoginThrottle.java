package cn.studyflow.system;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.Person;
import cn.studyflow.org.LoginLocks;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Slows down password guessing, per user name and per source address, with delays that grow with each failure
 * instead of a lock: a stranger can delay someone's login for a while but not shut them out, and unknown user
 * names are counted exactly like known ones so that the answer never tells which names exist. The counts live
 * in the database, so every node sees the same. The person (and, for an administrator, the other
 * administrators) is notified once per episode.
 */
@Service
@RequiredArgsConstructor
public class LoginThrottle implements LoginLocks {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Room in {@code sf_login_throttle.throttle_key} after the prefix; longer names share a row, harmlessly. */
    private static final int MAX_KEY_PART = 100;

    private final LoginThrottleMapper throttles;
    private final OrgService people;
    private final NotificationService notifications;
    private final LoginProperties properties;
    private final Clock clock;

    /** Whether logins as {@code username} are being refused at the moment (for an administrator's page). */
    public boolean isThrottled(String username) {
        return throttles.countBlockedKey(userKey(username), now()) > 0;
    }

    /** Forgets the failed logins of {@code username}, so that they may log in at once (an administrator's unlock). */
    public void reset(String username) {
        if (throttles.delete(userKey(username)) > 0) {
            log.info("Failed logins of {} reset", username);
        }
    }

    /** Whether a login as {@code username} from {@code address} may be checked now; one query, by primary key. */
    boolean allows(String username, String address) {
        return throttles.countBlocked(userKey(username), addressKey(address), now()) == 0;
    }

    void succeeded(String username) {
        // the address keeps its count: a guesser must not clear it by logging in to an account of their own
        throttles.delete(userKey(username));
    }

    void failed(String username, String address) {
        OffsetDateTime now = now();
        throttles.deleteForgotten(now.minus(properties.forgetAfter()), now);
        String userKey = userKey(username);
        if (count(userKey, now, properties.maxFailures()) && throttles.markNotified(userKey) == 1) {
            tell(username, address);
        }
        String addressKey = addressKey(address);
        if (count(addressKey, now, properties.addressMaxFailures()) && throttles.markNotified(addressKey) == 1) {
            log.warn("Logins from {} are being throttled after {} failures", address, properties.addressMaxFailures());
        }
    }

    /** Counts one failure for the key and blocks it as long as its count asks; true when it is blocked. */
    private boolean count(String key, OffsetDateTime now, int limit) {
        OffsetDateTime forgetBefore = now.minus(properties.forgetAfter());
        if (throttles.countFailure(key, now, forgetBefore) == 0) {
            try {
                throttles.insertFirstFailure(key, now);
            } catch (DuplicateKeyException e) {
                // another node counted the first failure at the same moment
                throttles.countFailure(key, now, forgetBefore);
            }
        }
        Integer failures = throttles.selectFailures(key);
        Duration delay = properties.delay(failures == null ? 0 : failures, limit);
        if (delay.isZero()) {
            return false;
        }
        throttles.block(key, now.plus(delay));
        return true;
    }

    private void tell(String username, String address) {
        Person person = people.personByUsername(username);
        if (person == null) {
            log.info("Logins as unknown user name {} are being throttled", username);
            return;
        }
        log.warn("Logins as {} are being throttled after {} failures, the last from {}", username,
            properties.maxFailures(), address);
        notifications.notify(person.getId(), null, "login.notify.throttled", properties.maxFailures(), address);
        if (person.getRoles().contains(Role.ADMIN)) {
            people.holdersAnywhere(Role.ADMIN).stream()
                .filter(admin -> !admin.getId().equals(person.getId()))
                .forEach(admin -> notifications.notify(admin.getId(), null, "login.notify.adminThrottled",
                    person, properties.maxFailures(), address));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static String userKey(String username) {
        return "user:" + shortened(username == null ? "" : username);
    }

    static String addressKey(String address) {
        return "addr:" + shortened(address == null ? "unknown" : address);
    }

    private static String shortened(String part) {
        return part.length() <= MAX_KEY_PART ? part : part.substring(0, MAX_KEY_PART);
    }
}
