package cn.studyflow.session;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RosterMapper {

    List<RosterEntry> selectBySession(long sessionId);

    RosterEntry selectOne(@Param("sessionId") long sessionId, @Param("personId") long personId);

    void insertAll(@Param("entries") List<RosterEntry> entries);

    /** Sets the attendance only while it is still {@code from}; the count says whether this call won. */
    int updateAttendance(@Param("sessionId") long sessionId, @Param("personId") long personId,
                         @Param("from") Attendance from, @Param("to") Attendance to, @Param("markedBy") Long markedBy,
                         @Param("reason") String reason);

    int updateMadeUp(@Param("sessionId") long sessionId, @Param("personId") long personId, @Param("madeUp") boolean madeUp);

    /** Takes people off a roster (a reschedule changed the chair, speakers or guests); their rows go. */
    int deletePeople(@Param("sessionId") long sessionId, @Param("personIds") java.util.Collection<Long> personIds);

    int updatePart(@Param("sessionId") long sessionId, @Param("personId") long personId, @Param("part") Part part);
}
