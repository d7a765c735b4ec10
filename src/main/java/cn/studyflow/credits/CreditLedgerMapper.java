package cn.studyflow.credits;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CreditLedgerMapper {

    boolean isFrozen(@Param("orgId") long orgId, @Param("year") int year);

    void insertFrozen(@Param("orgId") long orgId, @Param("year") int year, @Param("by") long by,
                      @Param("at") OffsetDateTime at);

    int deleteFrozen(@Param("orgId") long orgId, @Param("year") int year);

    /** Of these people, those whose row of the year sits in a frozen organisation-year (they moved since). */
    List<Long> selectFrozenPeople(@Param("personIds") Collection<Long> personIds, @Param("year") int year);

    /** Removes the unfrozen lines of the year of the organisation and of these people. */
    int deleteLines(@Param("orgId") long orgId, @Param("personIds") Collection<Long> personIds, @Param("year") int year);

    int deleteYears(@Param("orgId") long orgId, @Param("personIds") Collection<Long> personIds, @Param("year") int year);

    void insertLines(@Param("lines") List<CreditLine> lines);

    void insertYears(@Param("rows") List<CreditYearRow> rows);

    List<CreditLine> selectLines(@Param("personId") long personId, @Param("year") int year);

    /** The standings of one organisation ({@code path} null) or of a subtree, the year before joined for 调训. */
    List<CreditStanding> selectStandings(@Param("orgId") long orgId, @Param("path") String path, @Param("year") int year);

    List<CreditStanding> selectShortUnreminded(@Param("year") int year);

    /** Claims the reminder of a person's year; a second claim fails on the primary key. */
    void insertReminder(@Param("personId") long personId, @Param("year") int year, @Param("at") OffsetDateTime at);
}
