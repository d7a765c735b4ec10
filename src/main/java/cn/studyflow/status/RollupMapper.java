package cn.studyflow.status;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The rollups of the journal (V22): the job's run row, the re-computation of an organisation's year from the
 * journal, and the dashboard's sums over a scope. {@code orgIds} null means every organisation.
 */
@Mapper
interface RollupMapper {

    @Select("SELECT CURRENT_TIMESTAMP FROM sf_rollup_run WHERE id = 1")
    OffsetDateTime selectDatabaseNow();

    /** Takes the run for {@code holder} until {@code until} unless another node holds it at {@code now}; 1 if taken. */
    int claim(@Param("holder") String holder, @Param("now") OffsetDateTime now, @Param("until") OffsetDateTime until);

    @Select("SELECT changed_upto FROM sf_rollup_run WHERE id = 1")
    OffsetDateTime selectChangedUpto();

    /** Records a finished run and lets go of it; 0 when {@code holder} no longer held it. */
    int finish(@Param("holder") String holder, @Param("upto") OffsetDateTime upto);

    int release(@Param("holder") String holder);

    /** Per organisation, the span of time the journal rows changed since {@code since} (null: all rows) fall in. */
    List<ChangedSpan> selectChanged(@Param("since") OffsetDateTime since);

    void deleteInstances(@Param("year") int year, @Param("orgIds") Collection<Long> orgIds);

    void insertInstances(@Param("year") int year, @Param("from") OffsetDateTime from, @Param("to") OffsetDateTime to,
                         @Param("orgIds") Collection<Long> orgIds);

    void deleteStages(@Param("year") int year, @Param("orgIds") Collection<Long> orgIds);

    void insertStages(@Param("year") int year, @Param("from") OffsetDateTime from, @Param("to") OffsetDateTime to,
                      @Param("orgIds") Collection<Long> orgIds,
                      @Param("buckets") List<DurationBuckets.Bucket> buckets);

    /** Started, returned and completed per process of a scope in a year. */
    List<ProcessFigures> selectProcessFigures(@Param("s") StatusScope scope, @Param("year") int year);

    /** Decided and the histogram per step of a scope in a year, of one process or of all. */
    List<StageRollup> selectStageFigures(@Param("s") StatusScope scope, @Param("process") String process,
                                         @Param("year") int year);
}
