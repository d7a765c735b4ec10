package cn.studyflow.session;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What a session's day must be before anything is written: in the future, ending after it starts, not overlapping
 * another session of the same group, a place that fits, people who exist; and who its roster holds.
 */
@Component
@RequiredArgsConstructor
class ScheduleRules {

    static final int MAX_PLACE = 200;
    static final int MAX_REASON = 500;
    static final int MAX_TITLE = 200;
    /** The roles that make a person a member of their organisation's study group (中心组). */
    static final Set<Role> GROUP = EnumSet.of(Role.LEADER, Role.DEPUTY, Role.SECRETARY, Role.PUBLICITY, Role.OFFICE,
        Role.MEMBER);
    /** Sessions are held where StudyFlow's organisations are: their days and hours are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ScheduleMapper schedule;
    private final OrgService orgService;
    private final Clock clock;

    /** Checks the day, hours and place for a session of {@code orgId} ({@code sessionId} 0 for a new one). */
    void check(ScheduleForm form, long orgId, long sessionId) {
        if (form.getDate() == null || form.getStartTime() == null || form.getEndTime() == null) {
            throw BusinessException.invalid("session.error.dayRequired");
        }
        if (!form.getEndTime().isAfter(form.getStartTime())) {
            throw BusinessException.invalid("session.error.endBeforeStart");
        }
        if (!form.getDate().atTime(form.getStartTime()).isAfter(LocalDateTime.now(clock.withZone(ZONE)))) {
            throw BusinessException.invalid("session.error.past");
        }
        String place = trimmed(form.getPlace());
        if (place == null) {
            throw BusinessException.invalid("session.error.placeRequired");
        }
        if (place.length() > MAX_PLACE) {
            throw BusinessException.invalid("session.error.placeTooLong", MAX_PLACE);
        }
        if (form.getChairId() == null) {
            throw BusinessException.invalid("session.error.chairRequired");
        }
        if (schedule.countOverlaps(orgId, form.getDate(), form.getStartTime(), form.getEndTime(), sessionId) > 0) {
            throw BusinessException.invalid("session.error.overlap");
        }
    }

    /** The reason a scheduled day moves or a session is cancelled: required, at most {@value #MAX_REASON}. */
    static String reason(String text) {
        String reason = trimmed(text);
        if (reason == null) {
            throw BusinessException.invalid("session.error.reasonRequired");
        }
        if (reason.length() > MAX_REASON) {
            throw BusinessException.invalid("session.error.reasonTooLong", MAX_REASON);
        }
        return reason;
    }

    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Who the session's roster holds: the group's members, then guests, lead speakers and the chair, each person
     * once in the part that says most about them (the chair over a speaker over a guest over a member).
     */
    Map<Long, Part> roster(long orgId, ScheduleForm form) {
        Map<Long, Part> wanted = new LinkedHashMap<>();
        for (Person p : orgService.people(orgId)) {
            if (p.getRoles().stream().anyMatch(GROUP::contains)) {
                wanted.put(p.getId(), Part.MEMBER);
            }
        }
        form.getGuestIds().forEach(id -> wanted.put(enabled(id), Part.GUEST));
        form.getSpeakerIds().forEach(id -> wanted.put(enabled(id), Part.SPEAKER));
        wanted.put(enabled(form.getChairId()), Part.CHAIR);
        return wanted;
    }

    private long enabled(Long personId) {
        Person p = personId == null ? null : orgService.person(personId);
        if (p == null || !p.isEnabled()) {
            throw BusinessException.invalid("session.error.unknownPerson");
        }
        return p.getId();
    }
}
