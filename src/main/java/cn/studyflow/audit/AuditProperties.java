package cn.studyflow.audit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code studyflow.audit.*}: the days the audited organisation has to rectify, the days before the session
 * by which every auditor asked must have answered ({@code acceptanceDays}, else the dept is told), the audit points (旁听要点) of
 * the checklist (codes; labels are {@code audit.point.<code>} in the bundles) and the limits of a draw.
 */
@ConfigurationProperties("studyflow.audit")
public record AuditProperties(
    @DefaultValue("30") int rectificationDays,
    @DefaultValue({"plan", "materials", "chair", "speeches", "attendance", "discipline", "records", "application"})
    List<String> checklist,
    @DefaultValue("20") int maxDrawSessions,
    @DefaultValue("5") int maxAuditorsPerSession,
    @DefaultValue("366") int maxDrawDays,
    @DefaultValue("2") int acceptanceDays) {
}
