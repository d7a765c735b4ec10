package cn.studyflow.journal;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Keeps the organisation paths copied onto the status journal's rows (sf_instance, sf_stage) right when an
 * organisation moves in the tree, in the caller's transaction, so that the managers' subtree views follow.
 */
@Service
@RequiredArgsConstructor
public class JournalPaths {

    private final JournalMapper journal;

    /** Every journal path under {@code oldPrefix} now starts with {@code newPrefix}. */
    public void move(String oldPrefix, String newPrefix) {
        journal.moveInstancePaths(oldPrefix, newPrefix);
        journal.moveInstanceOverseerPaths(oldPrefix, newPrefix);
        journal.moveStagePaths(oldPrefix, newPrefix);
        journal.moveStageOverseerPaths(oldPrefix, newPrefix);
    }
}
