package cn.studyflow.archive;

import cn.studyflow.journal.JournalOwner;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface YearClosingMapper {

    YearClosing selectById(long id);

    /** The requests of an organisation's year, newest first. */
    List<YearClosing> selectByYear(@Param("orgId") long orgId, @Param("year") int year);

    void insert(YearClosing closing);

    int updateProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    /** Records the leader's decision on a waiting request; 0 when it no longer waits. */
    int updateDecision(@Param("id") long id, @Param("status") ClosingStatus status, @Param("by") long by,
                       @Param("at") OffsetDateTime at, @Param("comment") String comment);

    /** Marks a request closed once its year is; 0 unless its decision was recorded. */
    int updateClosed(long id);

    /** Records the reopening of a closed request; 0 when it is not closed. */
    int updateReopened(@Param("id") long id, @Param("by") long by, @Param("at") OffsetDateTime at,
                       @Param("reason") String reason);

    ClosedYear selectClosed(@Param("orgId") long orgId, @Param("year") int year);

    void insertClosed(@Param("orgId") long orgId, @Param("year") int year, @Param("closingId") long closingId,
                      @Param("by") long by, @Param("at") OffsetDateTime at);

    /** Opens a closed year again; 1 for the one call that wins, 0 when it was not closed. */
    int deleteClosed(@Param("orgId") long orgId, @Param("year") int year);

    List<JournalOwner> selectJournalOwners(@Param("ids") Collection<String> processInstanceIds);
}
