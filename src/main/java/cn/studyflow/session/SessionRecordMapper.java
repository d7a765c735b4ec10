package cn.studyflow.session;

import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.status.OrgRow;
import cn.studyflow.status.StatusScope;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** What is written after a session: held, minutes, files, the overdue reminder; and the attendance figures. */
@Mapper
interface SessionRecordMapper {

    /** Marks a scheduled session held, only at the version the secretary saw; 0 when it changed meanwhile. */
    int markHeld(@Param("id") long id, @Param("version") int version, @Param("heldAt") OffsetDateTime heldAt);

    /** Writes the minutes at the version the secretary saw; 0 when the session changed meanwhile. */
    int updateMinutes(@Param("id") long id, @Param("version") int version, @Param("minutes") String minutes);

    /** Sessions still scheduled whose day is {@code lastDay} or earlier and whose secretary was not reminded yet. */
    List<StudySession> selectUnheldUntil(@Param("lastDay") LocalDate lastDay);

    /** Claims the reminder of one session; 1 for the one node that wins it, 0 for every other. */
    int claimReminder(@Param("id") long id, @Param("now") OffsetDateTime now);

    void insertFile(SessionFile file);

    List<SessionFile> selectFiles(long sessionId);

    SessionFile selectFile(@Param("sessionId") long sessionId, @Param("id") long id);

    /**
     * Attendance at the held sessions of the year per organisation of the scope, the organisation's own people
     * only (not the guests of an enlarged session): {@code n} expected, {@code m} present or late.
     */
    List<OrgRow> selectOrgAttendance(@Param("s") StatusScope scope, @Param("year") int year,
                                     @Param("leaveExcused") boolean leaveExcused);

    /** Attendance of the people of an organisation at the held sessions of the year they were on the roster of. */
    List<PersonAttendance> selectPersonAttendance(@Param("orgId") long orgId, @Param("year") int year);

    /** The roster with names, chair and speakers first. */
    List<RosterLine> selectRosterLines(long sessionId);

    /** The speakers drawn by roll-call, in the order drawn. */
    List<DrawnSpeaker> selectDrawnSpeakers(long sessionId);

    /** Held ({@code n}) against planned ({@code m}) sessions per organisation of a period; see {@code SessionIndicators}. */
    List<OrgRow> selectPeriodSessions(@Param("s") StudyPeriod period);

    /** Present or late ({@code n}) against expected ({@code m}) at the held sessions of a period, guests left out. */
    List<OrgRow> selectPeriodAttendance(@Param("s") StudyPeriod period, @Param("leaveExcused") boolean leaveExcused);

    /** Made up ({@code n}) of those on leave or absent ({@code m}) at the held sessions of a period. */
    List<OrgRow> selectPeriodMakeups(@Param("s") StudyPeriod period);
}
