package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.StudySession;
import cn.studyflow.common.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Who may write, read and review materials; {@link MaterialService#list} applies the reading rule to lists. */
@Component
@RequiredArgsConstructor
class MaterialAccess {

    /** Who belongs to the center group and may write materials for it. */
    static final Set<Role> CENTER_GROUP = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.SECRETARY, Role.PUBLICITY,
        Role.OFFICE, Role.MEMBER);
    /** Who reviews materials or keeps the archive, and so reads materials before they are archived. */
    static final Set<Role> REVIEWERS = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.SECRETARY, Role.PUBLICITY, Role.OFFICE);

    private final Clock clock;

    /** See {@link MaterialService#canRead}. */
    boolean canRead(Material m, CurrentUser user) {
        return m.getStatus() == MaterialStatus.ARCHIVED
            || m.getAuthorId() == user.getPersonId()
            || user.seesSubtree()
            || (user.getOrgId() == m.getOrgId() && isReviewer(user));
    }

    boolean isReviewer(CurrentUser user) {
        return user.getRoles().stream().anyMatch(REVIEWERS::contains);
    }

    boolean mayUpload(CurrentUser user) {
        return user.getRoles().stream().anyMatch(CENTER_GROUP::contains);
    }

    void requireMember(CurrentUser user) {
        if (!mayUpload(user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "material.error.notMember");
        }
    }

    /** Nobody reviews their own material: the review is someone else's judgement (a leader's goes to the deputy). */
    static void requireNotAuthor(Material m, CurrentUser user) {
        if (m.getAuthorId() == user.getPersonId()) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "material.error.ownMaterial");
        }
    }

    /** A session is over after its day, or, while it has only a month, after that month: no uploads for it then. */
    boolean isHeld(StudySession session) {
        LocalDate last = session.getSessionDate() != null ? session.getSessionDate()
            : YearMonth.of(session.getSessionYear(), session.getSessionMonth()).atEndOfMonth();
        return last.isBefore(LocalDate.now(clock));
    }
}
