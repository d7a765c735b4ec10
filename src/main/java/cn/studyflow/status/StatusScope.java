package cn.studyflow.status;

import java.time.OffsetDateTime;

/**
 * What one request may count: the organisation {@code orgId} alone, or the subtree matching {@code pathPattern};
 * {@code overseerPattern} is the viewer's own subtree, which sees the instances it oversees (audits it runs)
 * even while they are hidden from the audited organisation. {@code now} decides what is still hidden.
 */
public record StatusScope(Long orgId, String pathPattern, String overseerPattern, OffsetDateTime now) {
}
