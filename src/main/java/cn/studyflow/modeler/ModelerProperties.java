package cn.studyflow.modeler;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.modeler.*}: the largest diagram the modeler accepts, how many running instances the
 * migration page lists at once, and the validator's limits on what a diagram may ask of the engine: the
 * shortest interval of a repeating timer, the most instances of a multi-instance step with a fixed number, and
 * the processes a call activity may call (none by default).
 */
@ConfigurationProperties("studyflow.modeler")
record ModelerProperties(@DefaultValue("512KB") DataSize maxBytes, @DefaultValue("500") int maxMigrationInstances,
                         @DefaultValue("PT1H") Duration minTimerCycle, @DefaultValue("20") int maxCardinality,
                         @DefaultValue List<String> callableProcesses) {

    LimitsCheck.Limits limits() {
        return new LimitsCheck.Limits(minTimerCycle, maxCardinality, java.util.Set.copyOf(callableProcesses));
    }
}
