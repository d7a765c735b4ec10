package cn.studyflow.audit;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Where draw seeds come from. Each draw is run by a {@link java.util.Random} seeded from here, and the seed is
 * stored with the draw, so the draw itself is reproducible while seeds cannot be predicted.
 */
@Component
class AuditSeeds {

    private final SecureRandom random = new SecureRandom();

    long next() {
        return random.nextLong();
    }
}
