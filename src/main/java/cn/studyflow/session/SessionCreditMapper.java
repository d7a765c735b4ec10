package cn.studyflow.session;

import cn.studyflow.credits.CreditQuery;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The rosters of held sessions, read for credits ({@link SessionCredits}). */
@Mapper
interface SessionCreditMapper {

    record Row(long personId, long sessionId, String title, LocalDate sessionDate, LocalTime startTime,
               LocalTime endTime, Part part, Attendance attendance) {
    }

    List<Row> selectRosterFacts(@Param("q") CreditQuery query);
}
