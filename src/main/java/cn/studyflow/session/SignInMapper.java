package cn.studyflow.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Sign-in state of sessions, the sign-in sheet by name, and roll-call draws. */
@Mapper
interface SignInMapper {

    /** Opens sign-in with a fresh secret, only on a scheduled session whose sign-in is not open; 1 when this call opened it. */
    int open(@Param("id") long id, @Param("secret") String secret, @Param("openedAt") OffsetDateTime openedAt);

    /** Closes sign-in while it is open and forgets the secret; 1 when this call closed it. */
    int close(@Param("id") long id, @Param("closedAt") OffsetDateTime closedAt);

    List<SignInRow> selectSheet(long sessionId);

    /** Sessions whose sign-in is open (not closed) that this person is on the roster of or that belong to their organisation. */
    List<StudySession> selectOpenFor(@Param("personId") long personId, @Param("orgId") long orgId);

    /** A scheduled session of the organisation with this code on this day whose sign-in was never opened. */
    List<StudySession> selectUnopened(@Param("orgCode") String orgCode, @Param("day") LocalDate day);

    void insertCall(SessionCall call);

    List<SessionCall> selectCalls(long sessionId);

    SessionCall selectCall(@Param("sessionId") long sessionId, @Param("id") long id);

    int updateNote(@Param("sessionId") long sessionId, @Param("id") long id, @Param("note") String note);

    /** Who was drawn at the organisation's last {@code n} sessions with a day up to {@code day}, other than this one. */
    List<Long> selectRecentSpeakers(@Param("orgId") long orgId, @Param("sessionId") long sessionId,
                                    @Param("day") LocalDate day, @Param("n") int n);
}
