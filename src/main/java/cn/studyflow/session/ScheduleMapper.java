package cn.studyflow.session;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Days, hours and states of sessions: scheduling writes, the calendar and the lists read. */
@Mapper
interface ScheduleMapper {

    /** Day, hours, place, chair and status at the version read; 0 when someone changed the session meanwhile. */
    int updateSchedule(StudySession session);

    /** A session that no plan topic holds, proposed to the leader. */
    void insertProposal(StudySession session);

    /** The sessions of one group that would overlap these hours of {@code day}, other than {@code exceptId}. */
    int countOverlaps(@Param("orgId") long orgId, @Param("day") LocalDate day, @Param("start") LocalTime start,
                      @Param("end") LocalTime end, @Param("exceptId") long exceptId);

    /**
     * The calendar between two days: of one organisation, or of a subtree ({@code pathPattern}); on each day the
     * first {@code perDay} sessions by start time, each row with the day's count.
     */
    List<CalendarEntry> selectCalendar(@Param("orgId") Long orgId, @Param("pathPattern") String pathPattern,
                                       @Param("from") LocalDate from, @Param("to") LocalDate to,
                                       @Param("perDay") int perDay);

    /** Every session with a day between two days, of one organisation or of a subtree, by day and hour. */
    List<StudySession> selectRange(@Param("orgId") Long orgId, @Param("pathPattern") String pathPattern,
                                   @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** The sessions one person is on the roster of, from {@code from} on, with their attendance. */
    List<MySession> selectComing(@Param("personId") long personId, @Param("from") LocalDate from,
                                 @Param("limit") int limit);

    /** The same sessions as {@link #selectComing}, whole and without a limit. */
    List<StudySession> selectComingSessions(@Param("personId") long personId, @Param("from") LocalDate from);

    /**
     * The sessions of a year one person was on the roster of, with how they attended: those before
     * {@code today}, and today's once marked held.
     */
    List<MySession> selectAttended(@Param("personId") long personId, @Param("year") int year,
                                   @Param("today") LocalDate today);

    /** Sessions proposed in one organisation, waiting for the leader. */
    List<StudySession> selectByStatus(@Param("orgId") long orgId, @Param("status") String status);

    int updateStatus(@Param("id") long id, @Param("version") int version, @Param("status") String status,
                     @Param("decidedBy") Long decidedBy, @Param("reason") String reason,
                     @Param("updatedAt") OffsetDateTime updatedAt);

    /** The demo's held sessions: when they were marked held and their minutes. */
    @Update("UPDATE sf_study_session SET minutes = #{minutes}, held_at = #{heldAt} WHERE id = #{id}")
    int updateHeld(@Param("id") long id, @Param("minutes") String minutes, @Param("heldAt") OffsetDateTime heldAt);
}
