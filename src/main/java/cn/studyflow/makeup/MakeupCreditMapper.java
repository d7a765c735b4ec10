package cn.studyflow.makeup;

import cn.studyflow.credits.CreditQuery;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Make-ups read for credits ({@link MakeupCredits}). */
@Mapper
interface MakeupCreditMapper {

    /** A make-up and its day: accepted, the day of acceptance; otherwise the day it was assigned. */
    record Fact(long id, long personId, long sessionId, MakeupStatus status, OffsetDateTime factAt) {
    }

    List<Fact> selectFacts(@Param("q") CreditQuery query, @Param("from") OffsetDateTime from,
                           @Param("until") OffsetDateTime until);
}
