package cn.studyflow.workflow;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Writes the instance journal that the managers' views read; see {@link InstanceJournal}. */
@Mapper
interface JournalMapper {

    @Insert("INSERT INTO sf_instance (id, process_key, definition_id, business_key, org_id, org_path, title, state,"
        + " started_at, overseer_path, hidden_until) SELECT #{id}, #{processKey}, #{definitionId}, #{businessKey}, o.id,"
        + " o.path, #{title}, 'RUNNING', #{at}, (SELECT v.path FROM sf_org v WHERE v.id = #{overseerOrgId}),"
        + " #{hiddenUntil} FROM sf_org o WHERE o.id = #{orgId}")
    void insertInstance(@Param("id") String id, @Param("processKey") String processKey,
                        @Param("definitionId") String definitionId, @Param("businessKey") String businessKey,
                        @Param("orgId") long orgId, @Param("title") String title, @Param("at") OffsetDateTime at,
                        @Param("overseerOrgId") Long overseerOrgId, @Param("hiddenUntil") OffsetDateTime hiddenUntil);

    @Update("UPDATE sf_instance SET state = #{state}, ended_at = #{at} WHERE id = #{id} AND ended_at IS NULL")
    void endInstance(@Param("id") String id, @Param("state") String state, @Param("at") OffsetDateTime at);

    /** Inserts nothing for a task of an instance that is not in the journal. */
    @Insert("INSERT INTO sf_stage (task_id, instance_id, process_key, step, step_name, org_id, org_path, created_at,"
        + " due_at, overseer_path, hidden_until) SELECT #{taskId}, i.id, i.process_key, #{step}, #{stepName}, i.org_id,"
        + " i.org_path, #{createdAt}, #{dueAt}, i.overseer_path, i.hidden_until"
        + " FROM sf_instance i WHERE i.id = #{instanceId}")
    void insertStage(@Param("taskId") String taskId, @Param("instanceId") String instanceId, @Param("step") String step,
                     @Param("stepName") String stepName, @Param("createdAt") OffsetDateTime createdAt,
                     @Param("dueAt") OffsetDateTime dueAt);

    @Update("UPDATE sf_stage SET outcome = #{outcome}, ended_at = #{at}, duration_ms = #{durationMs}"
        + " WHERE task_id = #{taskId} AND ended_at IS NULL")
    void endStage(@Param("taskId") String taskId, @Param("outcome") String outcome, @Param("at") OffsetDateTime at,
                  @Param("durationMs") long durationMs);

    // ---- an organisation moved: the paths copied onto the rows follow (JournalPaths)

    @Update("UPDATE sf_instance SET org_path = CONCAT(#{newPrefix}, SUBSTRING(org_path, CHAR_LENGTH(#{oldPrefix}) + 1))"
        + " WHERE org_path LIKE CONCAT(#{oldPrefix}, '%')")
    void moveInstancePaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    @Update("UPDATE sf_instance SET overseer_path = CONCAT(#{newPrefix}, SUBSTRING(overseer_path,"
        + " CHAR_LENGTH(#{oldPrefix}) + 1)) WHERE overseer_path LIKE CONCAT(#{oldPrefix}, '%')")
    void moveInstanceOverseerPaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    @Update("UPDATE sf_stage SET org_path = CONCAT(#{newPrefix}, SUBSTRING(org_path, CHAR_LENGTH(#{oldPrefix}) + 1))"
        + " WHERE org_path LIKE CONCAT(#{oldPrefix}, '%')")
    void moveStagePaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    @Update("UPDATE sf_stage SET overseer_path = CONCAT(#{newPrefix}, SUBSTRING(overseer_path,"
        + " CHAR_LENGTH(#{oldPrefix}) + 1)) WHERE overseer_path LIKE CONCAT(#{oldPrefix}, '%')")
    void moveStageOverseerPaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    // ---- backfill of instances that ran before the journal existed (JournalBackfill)

    /** Whose an instance is, read from the domain row that names it. */
    class Owner {
        private String processInstanceId;
        private long orgId;
        private String title;
        private Long overseerOrgId;
        private java.time.LocalDate hiddenDay;

        public String getProcessInstanceId() { return processInstanceId; }
        public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
        public long getOrgId() { return orgId; }
        public void setOrgId(long orgId) { this.orgId = orgId; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public Long getOverseerOrgId() { return overseerOrgId; }
        public void setOverseerOrgId(Long overseerOrgId) { this.overseerOrgId = overseerOrgId; }
        /** The day a random audit becomes visible to the audited organisation; null for anything else. */
        public java.time.LocalDate getHiddenDay() { return hiddenDay; }
        public void setHiddenDay(java.time.LocalDate hiddenDay) { this.hiddenDay = hiddenDay; }
    }

    @Select("SELECT COUNT(*) FROM sf_instance")
    long countInstances();

    List<String> selectKnownIds(@Param("ids") Collection<String> ids);

    List<Owner> selectOwners(@Param("ids") Collection<String> ids);

    /** Sets the counters of returns and withdrawals from the action log. */
    void countActions(@Param("ids") Collection<String> ids);
}
