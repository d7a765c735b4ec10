package cn.studyflow.material;

import cn.studyflow.common.Batches;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Every read of materials: their rows from {@link MaterialMapper}, with their sessions' titles and days asked of the
 * session package, whose table this package does not read; one session read per material or list, never per row.
 */
@Component
@RequiredArgsConstructor
class MaterialReads {

    /** The archive's order: by the sessions' month and day (undated last, as PostgreSQL orders), session and id. */
    static final Comparator<Material> BY_SESSION = Comparator.comparing(Material::getSessionMonth,
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Material::getSessionDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Material::getSessionId).thenComparing(Material::getId);

    private final MaterialMapper materials;
    private final SessionService sessions;

    /** The material with its author's name and its session; null when there is none. */
    Material byId(long id) {
        Material m = materials.selectById(id);
        if (m != null) {
            sessions.byId(m.getSessionId()).ifPresent(s -> withSession(m, s));
        }
        return m;
    }

    /**
     * The material's own row with its author's name, its session left out: for a step that changes the material
     * and shows nothing of its session (a review recorded, a notification by the material's title); null when
     * there is none.
     */
    Material row(long id) {
        return materials.selectById(id);
    }

    /** A page of the materials a reader may see, newest first (see {@link MaterialMapper#selectVisible}). */
    List<Material> visible(MaterialFilter filter, int offset, int limit) {
        return withSessions(materials.selectVisible(filter, offset, limit));
    }

    /**
     * The materials of an organisation signed off for the sessions of its year, for its archive: ordered by the
     * sessions' month and day, then session and id.
     */
    List<Material> archivedOfYear(long orgId, int year) {
        List<Long> sessionIds = sessions.ofOrgYear(orgId, year).stream().map(StudySession::getId).toList();
        List<Material> archived = new ArrayList<>(withSessions(
            Batches.read(sessionIds, batch -> materials.selectArchivedOfSessions(orgId, batch))));
        archived.sort(BY_SESSION);
        return archived;
    }

    /** Reads materials of one session by their ids, the session read once for all of them. */
    LongFunction<Material> ofSession(long sessionId) {
        StudySession session = sessions.byId(sessionId).orElse(null);
        return id -> {
            Material m = materials.selectById(id);
            return m == null || session == null ? m : withSession(m, session);
        };
    }

    /** Adds their sessions to these materials, all sessions read in one statement (a thousand a statement). */
    List<Material> withSessions(List<Material> list) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, StudySession> byId = sessions.byIds(list.stream().map(Material::getSessionId).toList());
        list.forEach(m -> {
            StudySession s = byId.get(m.getSessionId());
            if (s != null) {
                withSession(m, s);
            }
        });
        return list;
    }

    private static Material withSession(Material m, StudySession s) {
        m.setSessionTitle(s.getTitle());
        m.setSessionYear(s.getSessionYear());
        m.setSessionMonth(s.getSessionMonth());
        m.setSessionDate(s.getSessionDate());
        return m;
    }
}
