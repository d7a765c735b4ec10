package cn.studyflow.journal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Writes the instance journal that the managers' views read; see {@link InstanceJournal}. */
@Mapper
interface JournalMapper {

    void insertInstance(@Param("id") String id, @Param("processKey") String processKey,
                        @Param("definitionId") String definitionId, @Param("businessKey") String businessKey,
                        @Param("orgId") long orgId, @Param("title") String title, @Param("at") OffsetDateTime at,
                        @Param("overseerOrgId") Long overseerOrgId, @Param("hiddenUntil") OffsetDateTime hiddenUntil);

    void endInstance(@Param("id") String id, @Param("state") String state, @Param("at") OffsetDateTime at);

    /** Inserts nothing for a task of an instance that is not in the journal. */
    void insertStage(@Param("taskId") String taskId, @Param("instanceId") String instanceId, @Param("step") String step,
                     @Param("stepName") String stepName, @Param("createdAt") OffsetDateTime createdAt,
                     @Param("dueAt") OffsetDateTime dueAt);

    void endStage(@Param("taskId") String taskId, @Param("outcome") String outcome, @Param("at") OffsetDateTime at,
                  @Param("durationMs") long durationMs);

    void countOnInstance(@Param("id") String processInstanceId, @Param("returns") int returns,
                         @Param("withdrawals") int withdrawals);

    // ---- a business object's dates moved (its session's new day): the copies follow (JournalDates)

    void dueOpenStages(@Param("instanceId") String instanceId, @Param("due") OffsetDateTime due);

    void hideInstanceUntil(@Param("instanceId") String instanceId, @Param("until") OffsetDateTime until);

    void hideOpenStagesUntil(@Param("instanceId") String instanceId, @Param("until") OffsetDateTime until);

    // ---- an organisation moved: the paths copied onto the rows follow (JournalPaths)

    void moveInstancePaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    void moveInstanceOverseerPaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    void moveStagePaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    void moveStageOverseerPaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    // ---- backfill of instances that ran before the journal existed (JournalBackfill)

    @Select("SELECT COUNT(*) FROM sf_instance")
    long countInstances();

    List<String> selectKnownIds(@Param("ids") Collection<String> ids);

    /** Sets the counters of returns and withdrawals. */
    void updateCounts(JournalCounts counts);
}
