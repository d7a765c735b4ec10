package cn.studyflow.material;

import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Party lecture scripts (党课讲稿) as other features see them: whether one has passed the material review
 * (两审一把关, archived), so that a lecture may go up only with a reviewed script. Read by id, without the
 * reader's scope: the feature asking applies its own rule to the object that names the script.
 */
@Service
@RequiredArgsConstructor
public class ReviewedScripts {

    private final MaterialMapper materials;

    /** A script as another feature needs it: its page, its author and organisation, and whether it passed. */
    public record Script(long id, long orgId, long authorId, String title, boolean passed) {

        public String link() {
            return "/materials/" + id;
        }
    }

    /** The material if it is a Party lecture script; empty for any other kind or an unknown id. */
    public Optional<Script> script(long materialId) {
        // the row alone (not MaterialReads): a script's check needs nothing of its session, and runs once an entry
        Material m = materials.selectById(materialId);
        if (m == null || m.getKind() != MaterialKind.PARTY_LECTURE) {
            return Optional.empty();
        }
        return Optional.of(new Script(m.getId(), m.getOrgId(), m.getAuthorId(), m.getTitle(),
            m.getStatus() == MaterialStatus.ARCHIVED));
    }
}
