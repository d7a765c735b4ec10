package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The rotating sign-in code, on a clock the test moves: TOTP's numbers, one step of grace, nothing older. */
class SignInCodesTest {

    /** RFC 6238's SHA-1 secret, "12345678901234567890", as hex. */
    private static final String RFC_SECRET = "3132333435363738393031323334353637383930";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T06:00:00Z"));
    private final SignInCodes codes = new SignInCodes(clock);

    @Test
    void codesAreTheLastSixDigitsOfRfc6238sTestVectors() {
        assertThat(SignInCodes.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(SignInCodes.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(SignInCodes.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
    }

    @Test
    void theCodeChangesAfterThirtySecondsAndThePreviousOneIsStillAcceptedButNotAnOlderOne() {
        String secret = codes.newSecret();
        String first = codes.current(secret);
        assertThat(codes.secondsLeft()).isEqualTo(30);

        clock.advance(Duration.ofSeconds(29));
        assertThat(codes.current(secret)).as("the same step").isEqualTo(first);
        assertThat(codes.secondsLeft()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        String second = codes.current(secret);
        assertThat(second).as("a new step, a new code").isNotEqualTo(first);
        assertThat(codes.accepts(secret, first)).as("the previous code, typed just before it changed").isTrue();
        assertThat(codes.accepts(secret, second)).isTrue();

        clock.advance(Duration.ofSeconds(30));
        assertThat(codes.accepts(secret, first)).as("two steps old").isFalse();
        assertThat(codes.accepts(secret, second)).isTrue();
        assertThat(codes.accepts(secret, codes.current(secret))).isTrue();
    }

    @Test
    void aCodeOfAnotherSessionOrNotSixDigitsIsRefused() {
        String secret = codes.newSecret();
        String other = codes.newSecret();
        assertThat(secret).hasSize(40).isNotEqualTo(other);
        assertThat(codes.accepts(other, codes.current(secret))).isFalse();
        assertThat(codes.accepts(secret, null)).isFalse();
        assertThat(codes.accepts(secret, "12345")).isFalse();
        assertThat(codes.accepts(secret, "1234567")).isFalse();
        assertThat(codes.accepts(secret, "abcdef")).isFalse();
        assertThat(codes.accepts(null, "123456")).as("sign-in closed: no secret").isFalse();
    }

    @Test
    void aRollCallDrawnFromASeedIsDrawnAgainFromTheSameSeedAndPool() {
        List<Long> pool = List.of(3L, 8L, 21L, 34L, 55L);
        for (long seed = -50; seed < 50; seed++) {
            long drawn = RollCall.pick(pool, seed);
            assertThat(pool).contains(drawn);
            assertThat(RollCall.pick(pool, seed)).isEqualTo(drawn);
        }
        assertThat(LongStream.range(0, 200).map(seed -> RollCall.pick(pool, seed)).distinct().count())
            .as("every one present can be drawn").isEqualTo(5);
    }

    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.ofHours(8); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
