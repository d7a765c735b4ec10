package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.material.ReviewedScripts;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import cn.studyflow.task.ActionLog;
import cn.studyflow.upload.Downloads;
import cn.studyflow.upload.FileStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Entries: a member enters their own lecture (个人自荐), or their organisation's leader, secretary or publicity
 * department recommends one of its members' (基层推荐), into an open round of the first level above them.
 * An entry is read by whoever may read a round it is in, by its lecturer, by its own organisation's overseers,
 * and, once selected, by the campaign's subtree through the library. Anything else answers 404.
 */
@Service
@RequiredArgsConstructor
public class LectureEntries {

    private final LectureMapper mapper;
    private final Campaigns campaigns;
    private final LectureRounds rounds;
    private final LectureFiles files;
    private final ReviewedScripts scripts;
    private final OrgService orgs;
    private final Scope scope;
    private final ActionLog actionLog;
    private final Clock clock;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    public LectureEntry get(long id, CurrentUser user) {
        LectureEntry e = mapper.selectEntry(id);
        if (e == null || !canSee(e, user)) {
            throw BusinessException.notFound();
        }
        return e;
    }

    boolean canSee(LectureEntry e, CurrentUser user) {
        if (e.getLecturerId() == user.getPersonId() || e.getEnteredBy() == user.getPersonId()
            || scope.canSee(user, e.getOrgId())) {
            return true;
        }
        if (mapper.selectRoundsOfEntry(e.getId()).stream()
            .anyMatch(re -> rounds.canSee(mapper.selectRound(re.getRoundId()), user))) {
            return true;
        }
        return e.getSelectedLevel() != null && e.getStatus() == EntryStatus.ENTERED
            && campaigns.canSee(mapper.selectCampaign(e.getCampaignId()), user);
    }

    public List<RoundEntry> roundsOf(LectureEntry e) {
        return mapper.selectRoundsOfEntry(e.getId());
    }

    /** Open rounds of the first level this person's organisation is under: where they may enter a lecture. */
    public List<LectureRound> openRounds(Campaign c, CurrentUser user) {
        return mapper.selectRoundsAt(c.getId(), 0).stream()
            .filter(r -> r.getStatus() == RoundStatus.COLLECTING && user.getOrg().getPath().startsWith(r.getOrgPath()))
            .toList();
    }

    public static boolean mayRecommend(CurrentUser user) {
        return user.has(Role.LEADER) || user.has(Role.SECRETARY) || user.has(Campaigns.ORGANISER);
    }

    @Transactional
    public LectureEntry enter(CurrentUser user, EntryForm form, MultipartFile slides, MultipartFile video) {
        if (form.getRoundId() == null) {
            throw BusinessException.invalid("lecture.error.round");
        }
        LectureRound r = rounds.get(form.getRoundId(), user);
        Campaign c = mapper.selectCampaign(r.getCampaignId());
        if (r.getLevelNo() != 0) {
            throw BusinessException.invalid("lecture.error.notFirstLevel");
        }
        if (r.getStatus() != RoundStatus.COLLECTING || !r.getEntriesCloseAt().isAfter(OffsetDateTime.now(clock))) {
            throw BusinessException.invalid("lecture.error.entriesClosed", r.getOrgName());
        }
        if (!user.getOrg().getPath().startsWith(r.getOrgPath())) {
            throw BusinessException.notFound();
        }
        Person lecturer = lecturer(user, form);
        LectureEntry e = new LectureEntry();
        e.setCampaignId(c.getId());
        e.setOrgId(lecturer.getOrgId());
        e.setLecturerId(lecturer.getId());
        e.setEnteredBy(user.getPersonId());
        e.setNomination(form.getNomination() == null ? Nomination.SELF : form.getNomination());
        e.setTitle(LectureInput.text(form.getTitle(), 200, "lecture.error.entryTitle"));
        if (form.getCategory() == null || !c.categoryList().contains(form.getCategory().strip())) {
            throw BusinessException.invalid("lecture.error.category");
        }
        e.setCategory(form.getCategory().strip());
        String topic = LectureInput.optional(form.getTopic(), 200, "lecture.error.topic");
        if (topic != null && !c.topicList().contains(topic)) {
            throw BusinessException.invalid("lecture.error.topic");
        }
        e.setTopic(topic);
        if (form.getHomeDate() == null || form.getHomeDate().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw BusinessException.invalid("lecture.error.homeDate");
        }
        e.setHomeDate(form.getHomeDate());
        e.setHomeAudience(LectureInput.text(form.getHomeAudience(), 200, "lecture.error.homeAudience"));
        e.setScriptMaterialId(form.getScriptMaterialId() == null ? null : script(form.getScriptMaterialId(), lecturer));
        if (LectureFiles.given(slides)) {
            FileStore.Stored<LectureFileType> s = files.slides(slides);
            e.setSlidesFile(s.storedName());
            e.setSlidesName(s.originalName());
            e.setSlidesType(s.type());
        }
        if (LectureFiles.given(video)) {
            FileStore.Stored<LectureFileType> v = files.video(video);
            e.setVideoFile(v.storedName());
            e.setVideoName(v.originalName());
            e.setVideoType(v.type());
        }
        e.setStatus(EntryStatus.ENTERED);
        e.setCreatedAt(OffsetDateTime.now(clock));
        mapper.insertEntry(e);
        RoundEntry re = new RoundEntry();
        re.setRoundId(r.getId());
        re.setEntryId(e.getId());
        re.setCampaignId(c.getId());
        re.setLevelNo(0);
        mapper.insertRoundEntry(re);
        actionLog.record(Lectures.roundRef(r.getId()), r.getProcessInstanceId(), null, "ENTRY", user, e.getTitle());
        return mapper.selectEntry(e.getId());
    }

    /** Names the reviewed script later: it must be there, and passed, before the entry goes up. */
    @Transactional
    public void attachScript(long entryId, CurrentUser user, Long materialId) {
        LectureEntry e = get(entryId, user);
        requireOwner(e, user);
        if (materialId == null) {
            throw BusinessException.invalid("lecture.error.script");
        }
        mapper.updateEntryScript(e.getId(), script(materialId, orgs.person(e.getLecturerId())));
    }

    /** Withdraws an entry while the round it is in still collects; it is then out of the selection. */
    @Transactional
    public void withdraw(long entryId, CurrentUser user) {
        LectureEntry e = get(entryId, user);
        requireOwner(e, user);
        List<RoundEntry> in = mapper.selectRoundsOfEntry(e.getId());
        LectureRound current = mapper.selectRound(in.get(in.size() - 1).getRoundId());
        if (e.getStatus() != EntryStatus.ENTERED || current.getStatus() != RoundStatus.COLLECTING) {
            throw BusinessException.invalid("lecture.error.withdrawClosed");
        }
        mapper.updateEntryStatus(e.getId(), EntryStatus.WITHDRAWN);
        actionLog.record(Lectures.roundRef(current.getId()), current.getProcessInstanceId(), null, "ENTRY_WITHDRAWN",
            user, e.getTitle());
    }

    /** The entry's slides or video as a download; 404 when it has none. */
    public ResponseEntity<Resource> file(LectureEntry e, boolean video) {
        String stored = video ? e.getVideoFile() : e.getSlidesFile();
        if (stored == null) {
            throw BusinessException.notFound();
        }
        return Downloads.response(files.open(stored), video ? e.getVideoType() : e.getSlidesType(),
            video ? e.getVideoName() : e.getSlidesName(), "lecture-" + e.getId(), false);
    }

    public boolean isOwner(LectureEntry e, CurrentUser user) {
        return e.getLecturerId() == user.getPersonId() || e.getEnteredBy() == user.getPersonId();
    }

    private void requireOwner(LectureEntry e, CurrentUser user) {
        if (!isOwner(e, user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "lecture.error.notEntrant");
        }
    }

    private Person lecturer(CurrentUser user, EntryForm form) {
        if (form.getNomination() != Nomination.RECOMMENDED) {
            return orgs.person(user.getPersonId());
        }
        if (!mayRecommend(user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "lecture.error.notRecommender");
        }
        Person p = form.getLecturer() == null ? null : orgs.personByUsername(form.getLecturer().strip());
        if (p == null || !p.isEnabled() || p.getOrgId() != user.getOrgId()) {
            throw BusinessException.invalid("lecture.error.lecturer");
        }
        return p;
    }

    /** A Party lecture script in the material review, the lecturer's own; it need not have passed yet. */
    private long script(long materialId, Person lecturer) {
        ReviewedScripts.Script s = scripts.script(materialId)
            .orElseThrow(() -> BusinessException.invalid("lecture.error.script"));
        if (s.authorId() != lecturer.getId()) {
            throw BusinessException.invalid("lecture.error.script");
        }
        return s.id();
    }
}
