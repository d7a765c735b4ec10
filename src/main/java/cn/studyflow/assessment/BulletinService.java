package cn.studyflow.assessment;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Dates;
import cn.studyflow.common.PageOf;
import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulletins (学习通报): the department generates a draft for its subtree (or a part of it) and a year or quarter,
 * edits it, and publishes it; then the leader and secretary of every organisation of the subtree are notified and
 * everyone there reads it. A published bulletin no longer changes; a lost race is a 409 naming who saved first.
 */
@Service
@RequiredArgsConstructor
public class BulletinService {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;

    private final BulletinMapper mapper;
    private final BulletinDrafts drafts;
    private final AssessmentAccess access;
    private final OrgService orgs;
    private final NotificationService notifications;
    private final Dates dates;
    private final Clock clock;

    /** Whether the reader may edit and publish (the issuing department), for the page. */
    public record View(Bulletin bulletin, boolean canManage) {
    }

    public PageOf<Bulletin> page(CurrentUser user, int page, int size) {
        String path = user.getOrg().getPath();
        boolean issuer = user.has(Role.DEPT);
        return new PageOf<>(mapper.selectReadable(path, issuer, page * size, size), mapper.countReadable(path, issuer),
            page, size);
    }

    /** A bulletin the user may read, else 404: its issuer's drafts, or a published one of a subtree holding them. */
    public View get(CurrentUser user, long id) {
        Bulletin b = mapper.selectById(id);
        if (b == null) {
            throw BusinessException.notFound();
        }
        Org org = orgs.get(b.getOrgId());
        boolean manage = access.canIssue(user, org);
        if (!manage && !(b.isPublished() && org.contains(user.getOrg()))) {
            throw BusinessException.notFound();
        }
        return new View(b, manage);
    }

    /** Writes a draft for {@code orgId}'s subtree from its figures (404 outside the department's subtree). */
    @Transactional
    public Bulletin generate(CurrentUser user, Long orgId, Integer year, Integer quarter, Locale locale) {
        Org org = orgId == null ? user.getOrg() : orgs.get(orgId);
        if (org == null || !access.canIssue(user, org)) {
            throw BusinessException.notFound();
        }
        if (year == null) {
            throw BusinessException.invalid("bulletin.error.yearMissing");
        }
        int y = access.year(year);
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw BusinessException.invalid("bulletin.error.quarter");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Org> subtree = orgs.subtree(org).stream().filter(Org::isActive).toList();
        BulletinDrafts.Draft draft = drafts.write(org, subtree, y, quarter, now, locale);
        Bulletin b = new Bulletin();
        b.setOrgId(org.getId());
        b.setOrgName(org.getName());
        b.setBulletinYear(y);
        b.setQuarter(quarter);
        b.setTitle(draft.title().length() > MAX_TITLE ? draft.title().substring(0, MAX_TITLE) : draft.title());
        b.setBody(draft.body().length() > MAX_BODY ? draft.body().substring(0, MAX_BODY) : draft.body());
        b.setStatus(Bulletin.Status.DRAFT);
        b.setCreatedBy(user.getPersonId());
        b.setCreatedAt(now);
        b.setUpdatedBy(user.getPersonId());
        b.setUpdatedAt(now);
        mapper.insert(b);
        return b;
    }

    /** Saves the edited title and body of a draft read at {@code version}. */
    @Transactional
    public Bulletin edit(CurrentUser user, long id, String title, String body, Integer version) {
        Bulletin b = managed(user, id, version);
        String t = title == null ? "" : title.strip();
        String text = body == null ? "" : body.strip();
        if (t.isEmpty() || text.isEmpty()) {
            throw BusinessException.invalid("bulletin.error.empty");
        }
        if (t.length() > MAX_TITLE || text.length() > MAX_BODY) {
            throw BusinessException.invalid("bulletin.error.tooLong", String.valueOf(MAX_TITLE), String.valueOf(MAX_BODY));
        }
        b.setTitle(t);
        b.setBody(text);
        b.setUpdatedBy(user.getPersonId());
        b.setUpdatedAt(OffsetDateTime.now(clock));
        if (mapper.updateDraft(b) == 0) {
            throw changedFirst(id);
        }
        return mapper.selectById(id);
    }

    /** Publishes a draft read at {@code version} and notifies the subtree; returns how many people were told. */
    @Transactional
    public int publish(CurrentUser user, long id, Integer version) {
        Bulletin b = managed(user, id, version);
        b.setPublishedBy(user.getPersonId());
        b.setPublishedAt(OffsetDateTime.now(clock));
        if (mapper.publish(b) == 0) {
            throw changedFirst(id);
        }
        int told = 0;
        for (Org o : orgs.subtree(orgs.get(b.getOrgId()))) {
            if (o.isActive()) {
                told += notifications.notifyRole(o.getId(), Role.LEADER, "/bulletins/" + id, "bulletin.notify.published",
                    user, b.getTitle());
                told += notifications.notifyRole(o.getId(), Role.SECRETARY, "/bulletins/" + id,
                    "bulletin.notify.published", user, b.getTitle());
            }
        }
        return told;
    }

    /** A draft the user issues, read at the version they saw: 404 outside their subtree, 409 once published or changed. */
    private Bulletin managed(CurrentUser user, long id, Integer version) {
        View v = get(user, id);
        if (!v.canManage()) {
            throw BusinessException.notFound();
        }
        Bulletin b = v.bulletin();
        if (b.isPublished()) {
            throw BusinessException.conflict("bulletin.error.published", b.getPublishedByName(),
                dates.format(b.getPublishedAt()));
        }
        if (version == null || version != b.getVersion()) {
            throw BusinessException.conflict("bulletin.error.changedBy", b.getUpdatedByName(), dates.format(b.getUpdatedAt()));
        }
        return b;
    }

    private BusinessException changedFirst(long id) {
        Bulletin now = mapper.selectById(id);
        return now.isPublished()
            ? BusinessException.conflict("bulletin.error.published", now.getPublishedByName(), dates.format(now.getPublishedAt()))
            : BusinessException.conflict("bulletin.error.changedBy", now.getUpdatedByName(), dates.format(now.getUpdatedAt()));
    }
}
