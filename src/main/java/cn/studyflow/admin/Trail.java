package cn.studyflow.admin;

import cn.studyflow.admin.TrailMapper.TrailFilter;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.PageOf;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Records every administrative change and reads it back for the system administrator. */
@Service
@RequiredArgsConstructor
class Trail {

    static final String ORG = "ORG";
    static final String PERSON = "PERSON";
    private static final int MAX_VALUE = 4000;
    private static final int EXPORT_PAGE = 1000;

    private final TrailMapper trail;

    /** One change by {@code actor}; {@code before} and {@code after} are short readable texts, null when none. */
    void record(CurrentUser actor, String action, String objectType, Long objectId, String objectName, String orgPath,
                String before, String after) {
        trail.insert(entry(actor, action, objectType, objectId, objectName, orgPath, before, after));
    }

    /** Many changes in one statement (an import), up to a few hundred at a time. */
    void recordAll(List<TrailEntry> entries) {
        for (int i = 0; i < entries.size(); i += 500) {
            trail.insertAll(entries.subList(i, Math.min(entries.size(), i + 500)));
        }
    }

    static TrailEntry entry(CurrentUser actor, String action, String objectType, Long objectId, String objectName,
                            String orgPath, String before, String after) {
        TrailEntry e = new TrailEntry();
        if (actor != null) {
            e.setActorId(actor.getPersonId());
            e.setActorName(actor.getDisplayName());
        }
        e.setAction(action);
        e.setObjectType(objectType);
        e.setObjectId(objectId);
        e.setObjectName(cut(objectName, 200));
        e.setOrgPath(orgPath);
        e.setBeforeValue(cut(before, MAX_VALUE));
        e.setAfterValue(cut(after, MAX_VALUE));
        e.setCreatedAt(OffsetDateTime.now());
        return e;
    }

    PageOf<TrailEntry> page(TrailFilter filter, int page, int size) {
        int total = trail.count(filter);
        int p = PageOf.page(page, size);
        return new PageOf<>(total == 0 ? List.of() : trail.select(filter, p * size, size), total, p, size);
    }

    /** Every entry the filter selects, newest first, a page at a time so that a long trail is never held whole. */
    void each(TrailFilter filter, Consumer<TrailEntry> sink) {
        for (int offset = 0; ; offset += EXPORT_PAGE) {
            List<TrailEntry> rows = trail.select(filter, offset, EXPORT_PAGE);
            rows.forEach(sink);
            if (rows.size() < EXPORT_PAGE) {
                return;
            }
        }
    }

    void movePaths(String oldPrefix, String newPrefix) {
        trail.movePaths(oldPrefix, newPrefix);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
