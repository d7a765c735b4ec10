package cn.studyflow.session;

import java.util.EnumSet;
import java.util.Set;

/** What a file kept with a session is: a photo of the session, or its sign-in sheet (签到表). */
public enum SessionFileKind {
    PHOTO(SessionFileType.IMAGES),
    SHEET(EnumSet.allOf(SessionFileType.class));

    private final Set<SessionFileType> allowed;

    SessionFileKind(Set<SessionFileType> allowed) {
        this.allowed = allowed;
    }

    /** The file types this kind may be, judged from the content. */
    public Set<SessionFileType> allowed() {
        return allowed;
    }
}
