package cn.studyflow.material;

import java.util.Collection;

/**
 * Which materials a list shows: those of {@code orgIds} that are archived or written by {@code readerId},
 * plus every material of {@code fullOrgIds}; narrowed by session, status and authorship.
 */
public record MaterialFilter(Collection<Long> orgIds, Collection<Long> fullOrgIds, long readerId, Long sessionId,
                             MaterialStatus status, boolean mineOnly) {
}
