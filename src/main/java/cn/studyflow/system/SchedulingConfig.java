package cn.studyflow.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the features' {@code @Scheduled} jobs (such as the reminder about sessions not marked held) unless
 * {@code studyflow.scheduling.enabled} is false, as in the tests, which call the jobs' work themselves. Each job is
 * safe on several nodes by a claim in the database, not by running on one node only.
 */
@Configuration
@ConditionalOnProperty(name = "studyflow.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class SchedulingConfig {
}
