package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.support.MapperTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every statement of LoginThrottleMapper, as LoginThrottle uses them: failures counted per key from the first on,
 * an old episode forgotten with its block and its notice when the next failure comes, a block that only grows,
 * a key refused until its block ends (by user name or by address), one notice per episode, an unlock that
 * forgets one key, and the clean-up that removes only rows in which nothing counts any more.
 */
@MapperTest
class LoginThrottleMapperTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2031-03-10T09:00:00+08:00");
    static final String USER = "user:李文华";
    static final String OTHER_USER = "user:张海燕";
    static final String ADDRESS = "addr:203.0.113.7";

    @Autowired LoginThrottleMapper throttles;
    @Autowired JdbcTemplate jdbc;

    @Test
    void failuresAreCountedPerKeyFromTheFirstOn() {
        assertThat(throttles.countFailure(USER, T, T.minusHours(1))).as("no row yet: the caller inserts one").isZero();
        assertThat(throttles.selectFailures(USER)).isNull();

        throttles.insertFirstFailure(USER, T);
        throttles.insertFirstFailure(OTHER_USER, T);
        assertThat(throttles.selectFailures(USER)).isOne();
        assertThat(row(USER).get("notified")).isEqualTo(false);
        assertThat(row(USER).get("blocked_until")).isNull();

        assertThat(throttles.countFailure(USER, T.plusMinutes(1), T.minusHours(1))).isOne();
        assertThat(throttles.countFailure(USER, T.plusMinutes(2), T.minusHours(1))).isOne();
        assertThat(throttles.selectFailures(USER)).isEqualTo(3);
        assertThat(instant(row(USER).get("last_failure_at"))).isEqualTo(T.plusMinutes(2).toInstant());
        assertThat(throttles.selectFailures(OTHER_USER)).as("another key keeps its own count").isOne();
        assertThat(instant(row(OTHER_USER).get("last_failure_at"))).isEqualTo(T.toInstant());
    }

    @Test
    void aFailureAfterTheForgetTimeStartsANewEpisodeWithoutTheOldBlockAndNotice() {
        throttles.insertFirstFailure(USER, T);
        throttles.countFailure(USER, T.plusMinutes(1), T.minusHours(1));
        throttles.block(USER, T.plusMinutes(2));
        throttles.markNotified(USER);

        assertThat(throttles.countFailure(USER, T.plusHours(2), T.plusHours(1))).isOne();

        assertThat(throttles.selectFailures(USER)).as("the old failures are forgotten, this one counts").isOne();
        Map<String, Object> row = row(USER);
        assertThat(row.get("blocked_until")).isNull();
        assertThat(row.get("notified")).isEqualTo(false);
        assertThat(instant(row.get("last_failure_at"))).isEqualTo(T.plusHours(2).toInstant());
        assertThat(throttles.markNotified(USER)).as("the new episode is told again").isOne();
    }

    @Test
    void aFailureWithinTheForgetTimeKeepsTheEpisodeItsBlockAndItsNotice() {
        throttles.insertFirstFailure(USER, T);
        throttles.block(USER, T.plusMinutes(5));
        throttles.markNotified(USER);

        assertThat(throttles.countFailure(USER, T.plusMinutes(30), T.minusMinutes(30))).isOne();
        assertThat(throttles.countFailure(USER, T.plusHours(1), T.plusMinutes(30)))
            .as("the last failure exactly at the forget time still counts").isOne();

        assertThat(throttles.selectFailures(USER)).isEqualTo(3);
        Map<String, Object> row = row(USER);
        assertThat(instant(row.get("blocked_until"))).isEqualTo(T.plusMinutes(5).toInstant());
        assertThat(row.get("notified")).isEqualTo(true);
        assertThat(instant(row.get("last_failure_at"))).isEqualTo(T.plusHours(1).toInstant());
    }

    @Test
    void aBlockOnlyEverGrowsLonger() {
        throttles.insertFirstFailure(USER, T);
        throttles.insertFirstFailure(OTHER_USER, T);

        assertThat(throttles.block(USER, T.plusMinutes(4))).isOne();
        assertThat(throttles.block(USER, T.plusMinutes(1))).as("another node blocked longer already").isZero();
        assertThat(throttles.block(USER, T.plusMinutes(4))).isZero();
        assertThat(instant(row(USER).get("blocked_until"))).isEqualTo(T.plusMinutes(4).toInstant());

        assertThat(throttles.block(USER, T.plusMinutes(8))).isOne();
        assertThat(instant(row(USER).get("blocked_until"))).isEqualTo(T.plusMinutes(8).toInstant());
        assertThat(row(OTHER_USER).get("blocked_until")).isNull();
        assertThat(throttles.block("user:王建国", T.plusMinutes(8))).as("no row, nothing to block").isZero();
    }

    @Test
    void aKeyIsRefusedUntilItsBlockEndsAndNoLonger() {
        throttles.insertFirstFailure(USER, T);
        throttles.insertFirstFailure(ADDRESS, T);
        throttles.insertFirstFailure(OTHER_USER, T);
        assertThat(throttles.countBlockedKey(USER, T)).as("failures without a block").isZero();
        assertThat(throttles.countBlocked(USER, ADDRESS, T)).isZero();

        throttles.block(USER, T.plusMinutes(1));
        assertThat(throttles.countBlockedKey(USER, T.plusSeconds(59))).isOne();
        assertThat(throttles.countBlockedKey(USER, T.plusMinutes(1))).as("the block ends at its time").isZero();
        assertThat(throttles.countBlockedKey(OTHER_USER, T)).isZero();
        assertThat(throttles.countBlocked(USER, ADDRESS, T)).as("by the user name").isOne();
        assertThat(throttles.countBlocked(OTHER_USER, ADDRESS, T)).isZero();
        assertThat(throttles.countBlocked(USER, ADDRESS, T.plusMinutes(1))).isZero();

        throttles.block(ADDRESS, T.plusMinutes(15));
        assertThat(throttles.countBlocked(OTHER_USER, ADDRESS, T)).as("by the address").isOne();
        assertThat(throttles.countBlocked(USER, ADDRESS, T)).isEqualTo(2);
        assertThat(throttles.countBlocked(OTHER_USER, "addr:198.51.100.4", T)).isZero();
        assertThat(throttles.countBlockedKey(ADDRESS, T.plusMinutes(14))).isOne();
    }

    @Test
    void anEpisodeIsToldOnce() {
        throttles.insertFirstFailure(USER, T);
        throttles.insertFirstFailure(OTHER_USER, T);

        assertThat(throttles.markNotified(USER)).isOne();
        assertThat(throttles.markNotified(USER)).as("another node told it already").isZero();
        assertThat(row(USER).get("notified")).isEqualTo(true);
        assertThat(row(OTHER_USER).get("notified")).isEqualTo(false);
        assertThat(throttles.markNotified("user:王建国")).isZero();
    }

    @Test
    void anUnlockForgetsThatKeyAlone() {
        throttles.insertFirstFailure(USER, T);
        throttles.insertFirstFailure(ADDRESS, T);
        throttles.block(USER, T.plusMinutes(15));

        assertThat(throttles.delete(USER)).isOne();
        assertThat(throttles.selectFailures(USER)).isNull();
        assertThat(throttles.countBlockedKey(USER, T)).isZero();
        assertThat(throttles.selectFailures(ADDRESS)).isOne();
        assertThat(throttles.delete(USER)).isZero();
    }

    @Test
    void theCleanUpRemovesOnlyRowsInWhichNothingCountsAnyMore() {
        OffsetDateTime now = T.plusHours(2);
        OffsetDateTime forgetBefore = T.plusHours(1);
        throttles.insertFirstFailure("user:旧的无阻", T);
        throttles.insertFirstFailure("user:旧的阻过", T);
        throttles.block("user:旧的阻过", T.plusMinutes(15));
        throttles.insertFirstFailure("user:旧的仍阻", T);
        throttles.block("user:旧的仍阻", now.plusMinutes(1));
        throttles.insertFirstFailure("user:近的无阻", forgetBefore);
        throttles.insertFirstFailure("user:近的阻过", now.minusMinutes(10));
        throttles.block("user:近的阻过", now.minusMinutes(1));

        assertThat(throttles.deleteForgotten(forgetBefore, now)).isEqualTo(2);

        assertThat(throttles.selectFailures("user:旧的无阻")).isNull();
        assertThat(throttles.selectFailures("user:旧的阻过")).isNull();
        assertThat(throttles.selectFailures("user:旧的仍阻")).as("its block still stands").isOne();
        assertThat(throttles.selectFailures("user:近的无阻")).as("failed exactly at the forget time").isOne();
        assertThat(throttles.selectFailures("user:近的阻过")).as("its failure still counts").isOne();
    }

    @Test
    void aSecondFirstFailureOfOneKeyIsADuplicateForTheCallerToCountInstead() {
        throttles.insertFirstFailure(USER, T);

        // last in the test: on PostgreSQL the failed statement ends the transaction
        assertThatThrownBy(() -> throttles.insertFirstFailure(USER, T.plusSeconds(1)))
            .isInstanceOf(DuplicateKeyException.class);
    }

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM sf_login_throttle WHERE throttle_key = ?", key);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }
}
