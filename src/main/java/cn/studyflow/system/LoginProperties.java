package cn.studyflow.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code studyflow.login.*}: after {@code maxFailures} failed logins for one user name, or
 * {@code addressMaxFailures} from one source address, further attempts are refused unchecked for
 * {@code firstDelay}, doubled with each further failure up to {@code maxDelay}. Failures older than
 * {@code forgetAfter} no longer count.
 */
@ConfigurationProperties("studyflow.login")
record LoginProperties(@DefaultValue("5") int maxFailures,
                       @DefaultValue("20") int addressMaxFailures,
                       @DefaultValue("PT1M") Duration firstDelay,
                       @DefaultValue("PT15M") Duration maxDelay,
                       @DefaultValue("PT1H") Duration forgetAfter) {

    LoginProperties {
        if (maxFailures < 1 || addressMaxFailures < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
            || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("studyflow.login: failures must be at least 1 and "
                + "first-delay <= max-delay <= forget-after");
        }
    }

    /** How long a key with {@code failures} failures is refused when its limit is {@code limit}; zero below it. */
    Duration delay(int failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - limit, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
