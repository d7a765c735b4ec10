package cn.studyflow.leave;

import cn.studyflow.journal.JournalOwner;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LeaveMapper {

    Leave selectById(long id);

    Leave selectBySessionAndPerson(@Param("sessionId") long sessionId, @Param("personId") long personId);

    /** The requests of the people or organisations given, newest first: a person's own, or whole organisations'. */
    List<Leave> selectVisible(@Param("personId") long personId, @Param("orgIds") Collection<Long> orgIds,
                              @Param("offset") int offset, @Param("limit") int limit);

    int countVisible(@Param("personId") long personId, @Param("orgIds") Collection<Long> orgIds);

    /** The requests of a session whose process still runs. */
    List<Leave> selectOpenBySession(long sessionId);

    void insert(Leave leave);

    int update(Leave leave);

    List<JournalOwner> selectJournalOwners(@Param("ids") Collection<String> processInstanceIds);
}
