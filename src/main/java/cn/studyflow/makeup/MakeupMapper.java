package cn.studyflow.makeup;

import cn.studyflow.journal.JournalOwner;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MakeupMapper {

    Makeup selectById(long id);

    Makeup selectBySessionAndPerson(@Param("sessionId") long sessionId, @Param("personId") long personId);

    /** Every make-up of a session, by name. */
    List<Makeup> selectBySession(long sessionId);

    /** The make-ups of the person or of the organisations given, newest first. */
    List<Makeup> selectVisible(@Param("personId") long personId, @Param("orgIds") Collection<Long> orgIds,
                               @Param("offset") int offset, @Param("limit") int limit);

    int countVisible(@Param("personId") long personId, @Param("orgIds") Collection<Long> orgIds);

    void insert(Makeup makeup);

    int update(Makeup makeup);

    List<JournalOwner> selectJournalOwners(@Param("ids") Collection<String> processInstanceIds);
}
