package cn.studyflow.modeler;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code studyflow.modeler.*}: the largest diagram the modeler accepts, and how many running instances the
 * migration page lists at once.
 */
@ConfigurationProperties("studyflow.modeler")
record ModelerProperties(@DefaultValue("512KB") DataSize maxBytes, @DefaultValue("500") int maxMigrationInstances) {
}
