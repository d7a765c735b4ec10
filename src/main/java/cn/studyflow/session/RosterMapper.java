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
}
