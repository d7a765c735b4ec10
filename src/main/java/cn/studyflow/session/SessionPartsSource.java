package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import java.util.List;

/**
 * What another feature holds about a session (its materials, its audits), as rows for the session's page. The
 * features that hang on sessions implement it, so that {@code session} uses none of them; each applies its own
 * reading rules for {@code viewer}.
 */
public interface SessionPartsSource {

    /** One row on the session's page: the message key of its kind, its title, the key of its status, its page. */
    record Part(String kindKey, String title, String statusKey, String link) {
    }

    List<Part> partsOf(long sessionId, CurrentUser viewer);
}
