package cn.studyflow.org;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Changes to organisations that administration makes (rename, move, deactivate), so that {@code org} alone
 * owns its rows. The rules (who may, what may move where, the trail) stay with the caller; these are the writes.
 */
@Service
@RequiredArgsConstructor
public class OrgWrites {

    private final OrgMapper orgs;

    public void rename(long id, String name, OrgKind kind) {
        orgs.updateNameAndKind(id, name, kind);
    }

    /** Serialises moves in the tree: the caller holds the top organisations' rows until it commits. */
    public void lockTree() {
        orgs.lockRoots();
    }

    /** Hangs an organisation under a new parent and rewrites the paths of its subtree from old to new. */
    public void move(long id, long newParentId, String oldPath, String newPath) {
        orgs.updateParent(id, newParentId);
        orgs.movePaths(oldPath, newPath);
    }

    public void setActive(long id, boolean active) {
        orgs.updateActive(id, active);
    }
}
